import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

import type { SessionStage } from '../authorization/actor.js';
import { RegionType } from '../regions/region.type.js';
import { RoleEnum, type Role } from './role.js';

export const SessionStageEnum = {
  PASSWORD_CHANGE_REQUIRED: 'PASSWORD_CHANGE_REQUIRED',
  TOTP_ENROLMENT_REQUIRED: 'TOTP_ENROLMENT_REQUIRED',
  ACTIVE: 'ACTIVE',
} as const satisfies Record<SessionStage, SessionStage>;

registerEnumType(SessionStageEnum, {
  name: 'SessionStage',
  description: 'What a signed-in session may do yet: forced steps come before everything else',
  valuesConfig: {
    PASSWORD_CHANGE_REQUIRED: { description: 'New or reset account: only a password change' },
    TOTP_ENROLMENT_REQUIRED: { description: 'Second factors are required and none is enrolled' },
    ACTIVE: { description: 'Past the forced steps' },
  },
});

export const LoginStatusEnum = { SIGNED_IN: 'SIGNED_IN', TOTP_REQUIRED: 'TOTP_REQUIRED' } as const;
export type LoginStatus = keyof typeof LoginStatusEnum;

registerEnumType(LoginStatusEnum, {
  name: 'LoginStatus',
  valuesConfig: {
    SIGNED_IN: { description: 'A session started; the cookie is set' },
    TOTP_REQUIRED: { description: 'Password accepted; send it again with the TOTP code' },
  },
});

@ObjectType('Account', { description: 'A sign-in account; never carries its password or secret' })
export class AccountType {
  @Field(() => ID)
  id: number;

  @Field()
  username: string;

  @Field()
  displayName: string;

  @Field(() => RoleEnum)
  role: Role;

  @Field(() => String, {
    nullable: true,
    description: 'Kecamatan or kelurahan code an OPERATOR is limited to; null = whole kota',
  })
  scopeCode: string | null;

  @Field(() => RegionType, { nullable: true, description: 'The region of scopeCode' })
  scope: RegionType | null;

  @Field()
  isDisabled: boolean;

  @Field()
  mustChangePassword: boolean;

  @Field({ description: 'Whether a TOTP second factor is enrolled' })
  hasTotp: boolean;

  @Field(() => Date, { nullable: true, description: 'The latest sign-in' })
  lastLoginAt: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'The sign-in before the latest one, so the owner can spot one that was not theirs',
  })
  previousLoginAt: Date | null;

  @Field(() => Date)
  createdAt: Date;
}

@ObjectType('Viewer', { description: 'The signed-in caller and its session' })
export class ViewerType {
  @Field(() => AccountType)
  account: AccountType;

  @Field(() => SessionStageEnum)
  stage: SessionStage;

  @Field({ description: 'Whether this deployment requires every account to enrol TOTP' })
  isTotpRequired: boolean;
}

@ObjectType('LoginResult')
export class LoginResultType {
  @Field(() => LoginStatusEnum)
  status: LoginStatus;

  @Field(() => ViewerType, { nullable: true, description: 'Null while TOTP_REQUIRED' })
  viewer: ViewerType | null;
}

@ObjectType('TotpEnrolment', {
  description: 'A TOTP secret offered for enrolment; confirm it with a code to activate it',
})
export class TotpEnrolmentType {
  @Field({ description: 'otpauth:// URI, shown as a QR code' })
  otpauthUri: string;

  @Field({ description: 'The same secret in base32, for typing into an app by hand' })
  secret: string;
}

@ObjectType('AccountWithPassword', {
  description: 'A temporary password is shown once; the account must change it at first sign-in',
})
export class AccountWithPasswordType {
  @Field(() => AccountType)
  account: AccountType;

  @Field()
  temporaryPassword: string;
}

@ObjectType('ApiToken', { description: 'A named bearer token of a PROVINSI or BAWASLU machine' })
export class ApiTokenType {
  @Field(() => ID)
  id: number;

  @Field()
  name: string;

  @Field(() => AccountType)
  account: AccountType;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date)
  expiresAt: Date;

  @Field(() => Date, { nullable: true })
  lastUsedAt: Date | null;

  @Field(() => Date, { nullable: true })
  revokedAt: Date | null;
}

@ObjectType('CreatedApiToken', {
  description: 'The token text is shown once; only its hash is kept',
})
export class CreatedApiTokenType {
  @Field(() => ApiTokenType)
  apiToken: ApiTokenType;

  @Field()
  token: string;
}

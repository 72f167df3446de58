import { IsIn, IsInt, IsOptional, Length, Matches, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';

import { PASSWORD_MAX_LENGTH } from './password-policy.js';
import { RoleEnum, ROLES, type Role } from './role.js';

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,63}$/;
export const USERNAME_MESSAGE =
  'Nama pengguna 3–64 karakter: huruf kecil, angka, titik, garis bawah atau tanda hubung';

@InputType()
export class LoginInput {
  @Field()
  @Length(1, 64, { message: 'Isi nama pengguna' })
  username: string;

  // Bounded so that an attacker cannot make argon2 hash megabytes.
  @Field()
  @Length(1, PASSWORD_MAX_LENGTH, { message: 'Isi kata sandi' })
  password: string;

  @Field(() => String, { nullable: true, description: 'The 6-digit code from the TOTP app' })
  @IsOptional()
  @Length(6, 8, { message: 'Kode TOTP terdiri dari 6 angka' })
  totpCode?: string | null;
}

@InputType()
export class ChangePasswordInput {
  @Field()
  @Length(1, PASSWORD_MAX_LENGTH, { message: 'Isi kata sandi saat ini' })
  currentPassword: string;

  @Field({ description: 'At least 12 characters, not containing the username' })
  @Length(1, PASSWORD_MAX_LENGTH * 4, { message: 'Isi kata sandi baru' })
  newPassword: string;
}

@InputType()
export class AccountSettingsInput {
  @Field()
  @Length(1, 100, { message: 'Nama tampilan 1–100 karakter' })
  displayName: string;

  @Field(() => RoleEnum)
  @IsIn(ROLES)
  role: Role;

  @Field(() => String, {
    nullable: true,
    description: 'OPERATOR only: a kecamatan or kelurahan code; null = whole kota',
  })
  @IsOptional()
  @Matches(/^\d{2}\.\d{2}\.\d{2}(\.\d{4})?$/, { message: 'Kode wilayah tidak valid' })
  scopeCode?: string | null;
}

@InputType()
export class CreateAccountInput extends AccountSettingsInput {
  @Field()
  @Matches(USERNAME_PATTERN, { message: USERNAME_MESSAGE })
  username: string;
}

@InputType()
export class UpdateAccountInput extends AccountSettingsInput {}

@InputType()
export class CreateApiTokenInput {
  @Field(() => ID)
  @Matches(/^\d{1,10}$/, { message: 'Akun tidak valid' })
  accountId: string;

  @Field()
  @Length(1, 100, { message: 'Nama token 1–100 karakter' })
  name: string;

  @Field(() => Int, { description: 'Days until the token expires, 1–366' })
  @IsInt()
  @Min(1, { message: 'Masa berlaku minimal 1 hari' })
  @Max(366, { message: 'Masa berlaku maksimal 366 hari' })
  validDays: number;
}

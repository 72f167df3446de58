import { Field, Int, ObjectType } from 'type-graphql';

/**
 * The answer of the public NIK check (DESIGN §4.1). It has the same shape whether or not the
 * NIK is on the list: a yes/no and the NIK masked by policy, nothing that identifies a person.
 */
@ObjectType('CekNikResult', { description: 'Public NIK check: the same shape found or not' })
export class CekNikResultType {
  @Field({ description: 'The NIK is on the active voter list of this kabupaten/kota' })
  terdaftar: boolean;

  @Field({ description: 'The NIK as typed, masked by the policy (default: last 6 starred)' })
  nikMasked: string;

  @Field(() => String, {
    nullable: true,
    description: 'Kelurahan name when registered and the deployment enables it; otherwise null',
  })
  kelurahan: string | null;
}

/** What the public pages need to know about the deployment's public services. */
@ObjectType('PublicServiceSettings')
export class PublicServiceSettingsType {
  @Field({ description: 'Public lookups and registrations need an ALTCHA proof of work' })
  isProofOfWorkRequired: boolean;

  @Field({ description: 'Cek NIK names the kelurahan of a registered NIK' })
  showsKelurahan: boolean;

  @Field(() => Int, { description: 'Leading NIK digits Cek NIK leaves readable' })
  nikVisibleDigits: number;

  @Field(() => String, {
    nullable: true,
    description: 'Next polling day (YYYY-MM-DD): who is 17 by then may register now',
  })
  pollingDate: string | null;
}

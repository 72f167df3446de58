import { Field, InputType, Int } from 'type-graphql';

/**
 * The public registration form (DESIGN §4.2): the elements of the official list a citizen
 * fills in, the kelurahan from the configured list, optional contact, and the two
 * declarations. The field rules live in @kaliber/schema (checkRegistrationForm), shared with the
 * console; the schema only bounds lengths, so that an absurd value costs nothing.
 */
@InputType('RegistrationInput')
export class RegistrationInput {
  @Field({ description: '16-digit NIK; spaces, dots and dashes are ignored' })
  nik: string;

  @Field({ description: '16-digit NKK (family card number)' })
  nkk: string;

  @Field({ description: 'Full name as on the KTP' })
  name: string;

  @Field()
  birthPlace: string;

  @Field({ description: 'YYYY-MM-DD' })
  birthDate: string;

  @Field({ description: 'B belum kawin, S sudah kawin, P pernah kawin' })
  maritalStatus: string;

  @Field({ description: 'L laki-laki, P perempuan' })
  sex: string;

  @Field({ description: 'Street address as on the KK, without RT/RW' })
  address: string;

  @Field()
  rt: string;

  @Field()
  rw: string;

  @Field(() => Int, { description: '0 none, 1–6 per DESIGN §3.5' })
  disability: number;

  @Field({ description: 'S has a KTP-el, B not yet' })
  ktpElStatus: string;

  @Field({ description: 'Dotted Kemendagri code of the address kelurahan' })
  kelurahanCode: string;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field({ description: 'Consent to processing of personal data (UU PDP)' })
  consent: boolean;

  @Field({ description: 'Declares: WNI, not active TNI/Polri, voting right not revoked' })
  declaresEligibility: boolean;
}

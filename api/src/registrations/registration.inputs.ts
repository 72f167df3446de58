import { IsBoolean, IsInt, IsOptional, MaxLength } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';

const TOO_LONG = 'Isian terlalu panjang';

/**
 * The public registration form (DESIGN §4.2): the elements of the official list a citizen
 * fills in, the kelurahan from the configured list, optional contact, and the two
 * declarations. The field rules live in @kaliber/schema (checkRegistrationForm), shared with the
 * console; the schema only bounds lengths, so that an absurd value costs nothing.
 */
@InputType('RegistrationInput')
export class RegistrationInput {
  @Field({ description: '16-digit NIK; spaces, dots and dashes are ignored' })
  @MaxLength(40, { message: TOO_LONG })
  nik: string;

  @Field({ description: '16-digit NKK (family card number)' })
  @MaxLength(40, { message: TOO_LONG })
  nkk: string;

  @Field({ description: 'Full name as on the KTP' })
  @MaxLength(200, { message: TOO_LONG })
  name: string;

  @Field()
  @MaxLength(120, { message: TOO_LONG })
  birthPlace: string;

  @Field({ description: 'YYYY-MM-DD' })
  @MaxLength(20, { message: TOO_LONG })
  birthDate: string;

  @Field({ description: 'B belum kawin, S sudah kawin, P pernah kawin' })
  @MaxLength(4, { message: TOO_LONG })
  maritalStatus: string;

  @Field({ description: 'L laki-laki, P perempuan' })
  @MaxLength(4, { message: TOO_LONG })
  sex: string;

  @Field({ description: 'Street address as on the KK, without RT/RW' })
  @MaxLength(400, { message: TOO_LONG })
  address: string;

  @Field()
  @MaxLength(8, { message: TOO_LONG })
  rt: string;

  @Field()
  @MaxLength(8, { message: TOO_LONG })
  rw: string;

  @Field(() => Int, { description: '0 none, 1–6 per DESIGN §3.5' })
  @IsInt()
  disability: number;

  @Field({ description: 'S has a KTP-el, B not yet' })
  @MaxLength(4, { message: TOO_LONG })
  ktpElStatus: string;

  @Field({ description: 'Dotted Kemendagri code of the address kelurahan' })
  @MaxLength(20, { message: TOO_LONG })
  kelurahanCode: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(40, { message: TOO_LONG })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(320, { message: TOO_LONG })
  email?: string | null;

  @Field({ description: 'Consent to processing of personal data (UU PDP)' })
  @IsBoolean()
  consent: boolean;

  @Field({ description: 'Declares: WNI, not active TNI/Polri, voting right not revoked' })
  @IsBoolean()
  declaresEligibility: boolean;
}

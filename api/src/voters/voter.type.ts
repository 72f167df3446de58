import { Field, ID, Int, ObjectType } from 'type-graphql';

import { PersonalDataField } from '../authorization/personal-field.js';
import type { VoterEntity } from './voter.entity.js';

/**
 * A voter as the API shows it. Personal fields are nullable: for a caller whose role may not see
 * them they resolve to null with a FORBIDDEN error on that field, or to a masked value
 * (docs/authorization.md). The other fields are the list's coded, non-identifying elements.
 */
@ObjectType('Voter', { description: 'One person on the voter list (DPB)' })
export class VoterType {
  @Field(() => ID)
  id: number;

  /** Kelurahan code; used for the area check and resolved to a Region by the resolver. */
  kelurahanCode: string;

  @Field(() => String, { nullable: true, description: '16-digit NIK (personal data)' })
  @PersonalDataField('nik')
  nik: string;

  @Field(() => String, { nullable: true, description: '16-digit NKK (personal data)' })
  @PersonalDataField('nkk')
  nkk: string;

  @Field(() => String, { nullable: true, description: 'Name as on the KTP (personal data)' })
  @PersonalDataField('name')
  name: string;

  @Field(() => String, { nullable: true, description: 'Place of birth (personal data)' })
  @PersonalDataField('birthPlace')
  birthPlace: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD (personal data)' })
  @PersonalDataField('birthDate')
  birthDate: string;

  @Field(() => String, { nullable: true, description: 'Street address without RT/RW (personal)' })
  @PersonalDataField('address')
  address: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Disability 0 none, 1–6 per DESIGN §3.5 (specific personal data)',
  })
  @PersonalDataField('disability')
  disability: number;

  @Field({ description: 'L laki-laki, P perempuan' })
  sex: string;

  @Field({ description: 'B belum kawin, S sudah kawin, P pernah kawin' })
  maritalStatus: string;

  @Field({ description: 'RT, 3 digits' })
  rt: string;

  @Field({ description: 'RW, 3 digits' })
  rw: string;

  @Field({ description: 'KTP-el: S has one, B not yet' })
  ktpElStatus: string;

  @Field(() => Int, { nullable: true, description: 'Polling station number within the kelurahan' })
  tps: number | null;

  @Field({ description: 'AKTIF or TMS' })
  status: string;

  @Field(() => String, { nullable: true, description: 'TMS reason code (DESIGN §3.4)' })
  tmsReason: string | null;
}

@ObjectType('VoterPage')
export class VoterPageType {
  @Field(() => [VoterType])
  items: VoterType[];

  @Field(() => Int)
  total: number;
}

export function toVoterType(voter: VoterEntity): VoterType {
  return {
    id: voter.id,
    kelurahanCode: voter.kelurahanCode,
    nik: voter.nik,
    nkk: voter.nkk,
    name: voter.name,
    birthPlace: voter.birthPlace,
    birthDate: voter.birthDate,
    address: voter.address,
    disability: voter.disability,
    sex: voter.sex,
    maritalStatus: voter.maritalStatus,
    rt: voter.rt,
    rw: voter.rw,
    ktpElStatus: voter.ktpElStatus,
    tps: voter.tps,
    status: voter.status,
    tmsReason: voter.tmsReason,
  };
}

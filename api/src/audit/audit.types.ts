import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { IsOptional, Length } from 'class-validator';

import type { ChainProblem } from './audit-chain.js';
import type { AuditOutcome } from './audit-event-catalogue.js';

export const AuditOutcomeEnum = {
  SUCCESS: 'SUCCESS',
  FAILURE: 'FAILURE',
  DENIED: 'DENIED',
} as const satisfies Record<AuditOutcome, AuditOutcome>;

registerEnumType(AuditOutcomeEnum, {
  name: 'AuditOutcome',
  valuesConfig: {
    SUCCESS: { description: 'Done' },
    FAILURE: { description: 'Failed: bad input, wrong password' },
    DENIED: { description: 'Refused by policy: throttled, not allowed' },
  },
});

@ObjectType('AuditEntry', { description: 'One entry of the tamper-evident audit log' })
export class AuditEntryType {
  @Field(() => ID)
  id: number;

  @Field(() => Int, { description: 'Position in the hash chain, from 1' })
  sequence: number;

  @Field(() => Date)
  occurredAt: Date;

  @Field(() => String, { nullable: true })
  actorUsername: string | null;

  @Field(() => String, { nullable: true })
  actorRole: string | null;

  @Field(() => String, { nullable: true })
  clientIp: string | null;

  @Field(() => String, { nullable: true })
  requestId: string | null;

  @Field({ description: 'Event kind from the catalogue, e.g. LOGIN_FAILED' })
  action: string;

  @Field({ description: 'The catalogue description of the kind, in Indonesian' })
  actionDescription: string;

  @Field(() => String, { nullable: true })
  targetType: string | null;

  @Field(() => String, { nullable: true })
  targetId: string | null;

  @Field(() => AuditOutcomeEnum)
  outcome: AuditOutcome;

  @Field({ description: 'JSON object of structured facts; personal values only as keyed hashes' })
  detail: string;
}

@ObjectType('AuditEntryPage')
export class AuditEntryPageType {
  @Field(() => [AuditEntryType])
  items: AuditEntryType[];

  @Field(() => Int)
  total: number;
}

@InputType()
export class AuditEntryFilter {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 48)
  action?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 64)
  actorUsername?: string | null;
}

@ObjectType('AuditEventKind')
export class AuditEventKindType {
  @Field()
  action: string;

  @Field()
  description: string;
}

@ObjectType('AuditChainReport', { description: 'Result of walking the audit hash chain' })
export class AuditChainReportType {
  @Field()
  isIntact: boolean;

  @Field(() => Int)
  checkedCount: number;

  @Field(() => Int, { nullable: true, description: 'Sequence of the first entry that fails' })
  firstBrokenSequence: number | null;

  @Field(() => String, { nullable: true, description: 'Why it fails, in Indonesian' })
  reason: string | null;
}

export const CHAIN_PROBLEM_TEXT: Record<ChainProblem, string> = {
  HASH_MISMATCH: 'Isi entri tidak cocok dengan hash-nya: entri ini telah diubah',
  LINK_MISMATCH: 'Entri tidak terhubung ke entri sebelumnya: entri sebelumnya diubah atau dihapus',
  SEQUENCE_GAP: 'Ada entri yang hilang dari rantai',
  HEAD_MISMATCH: 'Ujung rantai tidak cocok: entri terakhir dihapus atau ditambahkan di luar sistem',
};

import { addDays, requireIsoDate, TMS_REASONS, type RegionCatalogue } from '@kaliber/schema';

import type { VoterEntity } from '../voters/voter.entity.js';
import { BirthDateTable, DayTable } from './birth-date-table.js';
import { NikIssuer, NkkIssuer } from './id-number-issuer.js';
import { apportion, kecamatanWeights } from './kecamatan-weights.js';
import { SeededRandom } from './seeded-random.js';
import {
  MAXIMUM_SYNTHETIC_AGE,
  MINIMUM_SYNTHETIC_AGE,
  pickDisability,
  pickName,
  planHousehold,
  TMS_REASON_CHOICE,
  TMS_SHARE,
  type PlannedMember,
} from './synthetic-person.js';
import {
  kelurahanWeight,
  neighbourhoodLayout,
  nikOriginsOf,
  pickAddress,
  pickBirthPlace,
  pickNikOrigin,
  type NikOriginChoice,
} from './synthetic-places.js';
import { buildSyntheticPools, homeBirthPlace, type SyntheticPools } from './synthetic-pools.js';

/** One generated voter: the columns of the `voter` table that an import would fill. */
export type SyntheticVoter = Pick<
  VoterEntity,
  | 'nik'
  | 'nkk'
  | 'name'
  | 'birthPlace'
  | 'birthDate'
  | 'maritalStatus'
  | 'sex'
  | 'address'
  | 'rt'
  | 'rw'
  | 'disability'
  | 'ktpElStatus'
  | 'remarks'
  | 'kelurahanCode'
  | 'tps'
  | 'status'
  | 'tmsReason'
  | 'source'
>;

/**
 * What decides the rows: the catalogue, `voters`, `seed` and `referenceDate` together. The same
 * four give the same rows on any machine (for the same Kaliber version); a different `voters`
 * gives a different list, not a prefix of the longer one.
 */
export interface SyntheticVoterOptions {
  /** How many voters in total; a whole number, 0 or more. */
  readonly voters: number;
  /** Any whole number from 0 to 2^53 − 1. */
  readonly seed: number;
  /** The day ages are counted on, YYYY-MM-DD; default DEFAULT_REFERENCE_DATE. */
  readonly referenceDate?: string;
  /** Rows per yielded batch; the rows themselves do not depend on it. Default 10,000. */
  readonly batchSize?: number;
}

/**
 * Polling day of the 2024 general election, whose voter counts weight the kecamatan. A fixed
 * day rather than today, so that a seed gives the same ages whenever it is run.
 */
export const DEFAULT_REFERENCE_DATE = '2024-02-14';

const DEFAULT_BATCH_SIZE = 10_000;
/** The most voters a polling station (TPS) takes; households are not split across two. */
const VOTERS_PER_TPS = 300;
/** Family cards are reissued on every change, so their recording dates are fairly recent. */
const FAMILY_CARD_YEARS = 15;
/** Share of voters without a KTP-el yet. */
const WITHOUT_KTP_EL = 0.02;

const THREE_DIGITS = Array.from({ length: 1000 }, (_, index) => String(index).padStart(3, '0'));

/** Everything a run prepares once and then draws from for every row. */
interface Run {
  readonly random: SeededRandom;
  readonly pools: SyntheticPools;
  readonly births: BirthDateTable;
  readonly origins: readonly NikOriginChoice[];
  readonly kecamatanCount: number;
  readonly homeTown: string;
  readonly nikIssuer: NikIssuer;
}

/** What the members of one family card share. */
interface Household {
  readonly kecamatanIndex: number;
  readonly kelurahanCode: string;
  readonly nkk: string;
  readonly address: string;
  readonly rt: string;
  readonly rw: string;
  readonly tps: number;
}

/**
 * Deterministic synthetic voters for a kabupaten/kota, as a stream of batches so memory stays
 * flat however many rows are asked for. Rows come household by household (one family card,
 * 1–5 adults, one address), kelurahan by kelurahan; each kecamatan gets its exact share of the
 * total by the weights of kecamatan-weights.ts, and each kelurahan a fixed share of its
 * kecamatan. NIKs and NKKs are valid and unique within the run.
 */
export class SyntheticVoterStream implements Iterable<SyntheticVoter[]> {
  private householdCount = 0;
  private readonly referenceDate: string;
  private readonly batchSize: number;

  constructor(
    private readonly catalogue: RegionCatalogue,
    private readonly options: SyntheticVoterOptions,
  ) {
    if (!Number.isSafeInteger(options.voters) || options.voters < 0) {
      throw new RangeError('The number of voters must be a whole number, 0 or more');
    }
    this.batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    if (!Number.isSafeInteger(this.batchSize) || this.batchSize < 1) {
      throw new RangeError('The batch size must be a whole number, 1 or more');
    }
    this.referenceDate = options.referenceDate ?? DEFAULT_REFERENCE_DATE;
    requireIsoDate(this.referenceDate);
    // Checks the seed now rather than at the first batch.
    new SeededRandom(options.seed);
  }

  /** Households (family cards) produced so far by the iteration. */
  get households(): number {
    return this.householdCount;
  }

  *[Symbol.iterator](): Iterator<SyntheticVoter[]> {
    let batch: SyntheticVoter[] = [];
    this.householdCount = 0;

    for (const household of this.generateHouseholds()) {
      this.householdCount += 1;
      for (const voter of household) {
        batch.push(voter);
        if (batch.length === this.batchSize) {
          yield batch;
          batch = [];
        }
      }
    }
    if (batch.length > 0) yield batch;
  }

  private *generateHouseholds(): Generator<SyntheticVoter[]> {
    const { catalogue } = this;
    const births = new BirthDateTable(
      this.referenceDate,
      MINIMUM_SYNTHETIC_AGE,
      MAXIMUM_SYNTHETIC_AGE,
    );
    const recordings = new DayTable(
      addDays(this.referenceDate, -365 * FAMILY_CARD_YEARS),
      addDays(this.referenceDate, -1),
    );
    const origins = nikOriginsOf(catalogue);
    const kecamatanCount = catalogue.kecamatan.length;
    const run: Run = {
      random: new SeededRandom(this.options.seed),
      pools: buildSyntheticPools(catalogue, this.options.seed),
      births,
      origins,
      kecamatanCount,
      homeTown: homeBirthPlace(catalogue.kabKota),
      nikIssuer: new NikIssuer(
        origins.map((origin) => origin.districtCode),
        births,
      ),
    };
    // Family cards are issued in the kecamatan of residence: the first origins.
    const nkkIssuer = new NkkIssuer(
      origins.slice(0, kecamatanCount).map((origin) => origin.districtCode),
      recordings,
    );
    const { random } = run;

    const weights = kecamatanWeights(catalogue);
    const kecamatanQuotas = apportion(
      this.options.voters,
      catalogue.kecamatan.map((kecamatan) => weights.get(kecamatan.code) ?? 0),
    );

    for (const [kecamatanIndex, kecamatan] of catalogue.kecamatan.entries()) {
      const kelurahanList = catalogue.kelurahanOf(kecamatan.code);
      const kelurahanQuotas = apportion(
        kecamatanQuotas[kecamatanIndex] ?? 0,
        kelurahanList.map(kelurahanWeight),
      );

      for (const [kelurahanIndex, kelurahan] of kelurahanList.entries()) {
        const layout = neighbourhoodLayout(kelurahan);
        const streets = run.pools.streetsByKelurahan.get(kelurahan.code) ?? [
          `Jl. ${kelurahan.name}`,
        ];
        let remaining = kelurahanQuotas[kelurahanIndex] ?? 0;
        let tps = 1;
        let votersInTps = 0;

        while (remaining > 0) {
          // The last household of a kelurahan is cut to fit its quota exactly.
          const members = planHousehold(random).slice(0, remaining);
          remaining -= members.length;
          if (votersInTps + members.length > VOTERS_PER_TPS) {
            tps += 1;
            votersInTps = 0;
          }
          votersInTps += members.length;

          const household: Household = {
            kecamatanIndex,
            kelurahanCode: kelurahan.code,
            nkk: nkkIssuer.issue(kecamatanIndex, random.nextInt(recordings.length)),
            address: pickAddress(random, streets),
            rw: THREE_DIGITS[random.nextIntBetween(1, layout.rwCount)] ?? '001',
            rt: THREE_DIGITS[random.nextIntBetween(1, layout.rtCount)] ?? '001',
            tps,
          };
          yield members.map((member) => makeVoter(run, household, member));
        }
      }
    }
  }
}

/** Synthetic voters for `catalogue` as an iterable of batches; see SyntheticVoterStream. */
export function generateVoterBatches(
  catalogue: RegionCatalogue,
  options: SyntheticVoterOptions,
): SyntheticVoterStream {
  return new SyntheticVoterStream(catalogue, options);
}

/** One member of a household as a voter row: NIK, name, birth place and the coded elements. */
function makeVoter(run: Run, household: Household, member: PlannedMember): SyntheticVoter {
  const { random, births } = run;
  const originIndex = pickNikOrigin(
    random,
    household.kecamatanIndex,
    run.kecamatanCount,
    run.origins.length,
  );
  const origin = run.origins[originIndex] as NikOriginChoice;

  const [firstDay, lastDay] = births.rangeOfAge(member.age);
  const preferredDay = random.nextIntBetween(firstDay, lastDay);
  const { nik, dayIndex } = run.nikIssuer.issue(
    originIndex,
    member.sex,
    preferredDay,
    firstDay,
    lastDay,
  );

  const isTms = random.chance(TMS_SHARE);
  const tmsReason = isTms ? TMS_REASON_CHOICE.draw(random) : null;
  const name = pickName(random, run.pools, member.sex);
  const birthPlace = pickBirthPlace(random, run.pools, origin, run.homeTown);
  const disability = pickDisability(random);
  const hasKtpEl = tmsReason !== 'BELUM_KTP_EL' && !random.chance(WITHOUT_KTP_EL);

  return {
    nik,
    nkk: household.nkk,
    name,
    birthPlace,
    birthDate: births.at(dayIndex),
    maritalStatus: member.maritalStatus,
    sex: member.sex,
    address: household.address,
    rt: household.rt,
    rw: household.rw,
    disability,
    ktpElStatus: hasKtpEl ? 'S' : 'B',
    // The keterangan column carries the reason in words, as staff would write it.
    remarks: tmsReason ? TMS_REASONS[tmsReason].label : null,
    kelurahanCode: household.kelurahanCode,
    // A TMS voter is kept for history but is on no polling station's list.
    tps: isTms ? null : household.tps,
    status: isTms ? 'TMS' : 'AKTIF',
    tmsReason,
    source: 'IMPORT',
  };
}

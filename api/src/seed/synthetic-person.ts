import {
  isTmsReason,
  type Disability,
  type MaritalStatus,
  type Sex,
  type TmsReason,
} from '@kaliber/schema';

import { FEMALE_NAME_OPENERS, MALE_NAME_OPENERS, type SyntheticPools } from './synthetic-pools.js';
import { WeightedChoice, type SeededRandom } from './seeded-random.js';

// The per-person choices of the synthetic generator. The shares are rough pictures of an
// Indonesian city's adult population, chosen so that recaps and charts look plausible; they
// are not statistics.

/** Oldest and youngest synthetic voter, in whole years on the reference date. */
export const MINIMUM_SYNTHETIC_AGE = 17;
export const MAXIMUM_SYNTHETIC_AGE = 90;

/** One adult of a household as planned, before names and numbers are drawn. */
export interface PlannedMember {
  sex: Sex;
  /** Whole years on the reference date, 17–90. */
  age: number;
  maritalStatus: MaritalStatus;
}

/** Relative number of adults of each age: flat to 40, then thinning out towards 90. */
function adultDensity(age: number): number {
  if (age < 40) return 1;
  if (age < 60) return 1 - (0.3 * (age - 40)) / 20;
  if (age < 75) return 0.7 - (0.4 * (age - 60)) / 15;

  return 0.3 - (0.27 * (age - 75)) / 15;
}

function agesBetween(youngest: number, oldest: number): WeightedChoice<number> {
  const entries: [number, number][] = [];
  for (let age = youngest; age <= oldest; age += 1) entries.push([age, adultDensity(age)]);

  return new WeightedChoice(entries);
}

/** Age of a household head (who has a spouse), of someone living alone. */
export const HEAD_AGES = agesBetween(25, 85);
export const SINGLE_AGES = agesBetween(20, MAXIMUM_SYNTHETIC_AGE);

/** Adult members per household (family card), 1–5. */
export const HOUSEHOLD_SIZES = new WeightedChoice<number>([
  [1, 20],
  [2, 33],
  [3, 24],
  [4, 15],
  [5, 8],
]);

/**
 * Marital status of an adult who is not the head or spouse of the family card: mostly
 * unmarried while young; widowed or divorced (P) becomes common with age.
 */
export function maritalStatusOfMember(random: SeededRandom, age: number): MaritalStatus {
  const roll = random.nextFloat();
  if (age < 25) return roll < 0.94 ? 'B' : 'S';
  if (age < 35) return roll < 0.6 ? 'B' : roll < 0.95 ? 'S' : 'P';
  if (age < 60) return roll < 0.3 ? 'B' : roll < 0.7 ? 'S' : 'P';

  return roll < 0.1 ? 'B' : roll < 0.35 ? 'S' : 'P';
}

/** Disabilitas: none for ~97 %; among the rest physical and sensory are the most common. */
const DISABILITY_WHEN_ANY = new WeightedChoice<Disability>([
  [1, 40],
  [2, 8],
  [3, 10],
  [4, 7],
  [5, 15],
  [6, 20],
]);

export function pickDisability(random: SeededRandom): Disability {
  return random.chance(0.97) ? 0 : DISABILITY_WHEN_ANY.draw(random);
}

/** Share of synthetic voters already marked TMS, and why: death is by far the first reason. */
export const TMS_SHARE = 0.03;

const TMS_REASON_WEIGHTS: readonly (readonly [TmsReason, number])[] = [
  ['MENINGGAL', 50],
  ['PINDAH_DOMISILI', 22],
  ['GANDA', 8],
  ['TIDAK_DIKENAL', 8],
  ['BUKAN_PENDUDUK', 4],
  ['BELUM_KTP_EL', 2],
  ['TNI', 2],
  ['POLRI', 2],
  ['HAK_PILIH_DICABUT', 1],
  ['WNA', 1],
];
for (const [reason] of TMS_REASON_WEIGHTS) {
  if (!isTmsReason(reason)) throw new Error(`${String(reason)} is not a TMS reason of the domain`);
}

export const TMS_REASON_CHOICE = new WeightedChoice(TMS_REASON_WEIGHTS);

/**
 * An Indonesian personal name of the given sex: a single given name, a given name with a
 * family or second name, sometimes opened by a common first element ("Muhammad", "Siti").
 */
export function pickName(random: SeededRandom, pools: SyntheticPools, sex: Sex): string {
  const given = sex === 'L' ? pools.maleGivenNames : pools.femaleGivenNames;
  const family = sex === 'L' ? pools.maleFamilyNames : pools.femaleFamilyNames;
  const openers = sex === 'L' ? MALE_NAME_OPENERS : FEMALE_NAME_OPENERS;
  const first = random.pick(given);
  const roll = random.nextFloat();

  if (roll < 0.12) return `${random.pick(openers)} ${first}`;
  if (roll < 0.22) return `${random.pick(openers)} ${first} ${random.pick(family)}`;
  if (roll < 0.4) return first;
  if (roll < 0.85) return `${first} ${random.pick(family)}`;

  const second = random.pick(given);
  return second === first
    ? `${first} ${random.pick(family)}`
    : `${first} ${second} ${random.pick(family)}`;
}

/**
 * The adults of one family card: a head with spouse and grown children (sometimes a parent of
 * the head), or someone living alone. Children younger than 17 are not on the list, so a
 * household may come out smaller than drawn.
 */
export function planHousehold(random: SeededRandom): PlannedMember[] {
  const size = HOUSEHOLD_SIZES.draw(random);
  if (size === 1) {
    const age = SINGLE_AGES.draw(random);
    return [
      {
        sex: random.chance(0.5) ? 'L' : 'P',
        age,
        maritalStatus: maritalStatusOfMember(random, age),
      },
    ];
  }

  const headSex: Sex = random.chance(0.85) ? 'L' : 'P';
  const headAge = HEAD_AGES.draw(random);
  const gap = random.nextIntBetween(0, 7);
  const spouseAge = clampAge(headSex === 'L' ? headAge - gap : headAge + gap);
  const members: PlannedMember[] = [
    { sex: headSex, age: headAge, maritalStatus: 'S' },
    { sex: headSex === 'L' ? 'P' : 'L', age: spouseAge, maritalStatus: 'S' },
  ];

  for (let extra = 2; extra < size; extra += 1) {
    if (extra === 2 && size >= 4 && headAge <= 60 && random.chance(0.15)) {
      const age = clampAge(headAge + random.nextIntBetween(22, 32));
      members.push({
        sex: random.chance(0.65) ? 'P' : 'L',
        age,
        maritalStatus: random.chance(0.7) ? 'P' : 'S',
      });
      continue;
    }
    const age = Math.min(headAge, spouseAge) - random.nextIntBetween(18, 36);
    if (age < MINIMUM_SYNTHETIC_AGE) continue;
    members.push({
      sex: random.chance(0.5) ? 'L' : 'P',
      age,
      maritalStatus: maritalStatusOfMember(random, age),
    });
  }

  return members;
}

/** Keeps a spouse's or parent's age in range; no married couple is planned below 20. */
function clampAge(age: number): number {
  return Math.max(20, Math.min(MAXIMUM_SYNTHETIC_AGE, age));
}

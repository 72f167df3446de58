// Who may vote (DESIGN §3.3): a citizen (WNI) who is 17 or older, or is or has been married,
// on the reference date; not an active member of the TNI or Polri; not stripped of the right
// to vote by a court. "Registered once" is a property of the list, checked by the API.

import { addYears, compareIsoDates, requireIsoDate } from '../dates.js';
import { type DomainIssue } from '../result.js';
import { type MaritalStatus } from '../voter/voter-codes.js';

/** The age at which a citizen may vote regardless of marital status. */
export const MINIMUM_VOTING_AGE = 17;

export type EligibilityProblemCode =
  'BIRTH_DATE_AFTER_REFERENCE' | 'DI_BAWAH_UMUR' | 'WNA' | 'TNI_POLRI' | 'HAK_PILIH_DICABUT';

export interface EligibilityInput {
  /** `YYYY-MM-DD`, as on the form (which may differ from the NIK; see compareNikWithRecord). */
  birthDate: string;
  /** B belum kawin, S kawin, P pernah kawin: S and P may vote before 17. */
  maritalStatus: MaritalStatus;
  /** Whether the person is a citizen (WNI); omitted means yes, as the form declares. */
  isCitizen?: boolean;
  /** Whether the person is an active member of the TNI or Polri; omitted means no. */
  isActiveTniPolri?: boolean;
  /** Whether a final court decision revoked the right to vote; omitted means no. */
  isVotingRightRevoked?: boolean;
}

export interface EligibilityResult {
  eligible: boolean;
  /** Whole years on the reference date; 0 if the birth date is after it. */
  age: number;
  /** Every reason the person may not vote, not only the first: staff see them all. */
  problems: DomainIssue<EligibilityProblemCode>[];
}

/**
 * Age in whole years on `onDate`. A birthday on 29 February counts as reached on 1 March in
 * common years. Throws a RangeError if `onDate` is before the birth date or either is not a
 * `YYYY-MM-DD` date: the caller validates dates at the edge.
 */
export function ageOn(birthDate: string, onDate: string): number {
  if (compareIsoDates(onDate, birthDate) < 0) {
    throw new RangeError('An age is only defined from the birth date on');
  }

  return completedYears(birthDate, onDate);
}

/**
 * Checks the conditions of §3.3 on `referenceDate` (`YYYY-MM-DD`, normally the data-collection
 * date). Problems are listed in a fixed order; eligible means none.
 */
export function checkEligibility(
  input: EligibilityInput,
  referenceDate: string,
): EligibilityResult {
  const isBornByReference = compareIsoDates(input.birthDate, referenceDate) <= 0;
  const age = isBornByReference ? completedYears(input.birthDate, referenceDate) : 0;
  const problems: DomainIssue<EligibilityProblemCode>[] = [];

  if (!isBornByReference) {
    problems.push({
      code: 'BIRTH_DATE_AFTER_REFERENCE',
      message: 'Tanggal lahir tidak boleh setelah tanggal acuan',
    });
  } else if (age < MINIMUM_VOTING_AGE && input.maritalStatus === 'B') {
    problems.push({
      code: 'DI_BAWAH_UMUR',
      message: 'Belum berumur 17 tahun dan belum pernah kawin pada tanggal acuan',
    });
  }
  if (input.isCitizen === false) {
    problems.push({ code: 'WNA', message: 'Warga negara asing tidak mempunyai hak pilih' });
  }
  if (input.isActiveTniPolri === true) {
    problems.push({
      code: 'TNI_POLRI',
      message: 'Anggota TNI/Polri aktif tidak menggunakan hak pilih',
    });
  }
  if (input.isVotingRightRevoked === true) {
    problems.push({
      code: 'HAK_PILIH_DICABUT',
      message: 'Hak pilih dicabut berdasarkan putusan pengadilan',
    });
  }

  return { eligible: problems.length === 0, age, problems };
}

/**
 * Whether someone is a pemilih pemula: under 17 on the data-collection date but 17 by polling
 * day, so they can be listed ahead. Marital status does not matter here: the term is about age.
 */
export function isPemilihPemula(
  birthDate: string,
  collectionDate: string,
  pollingDate: string,
): boolean {
  const seventeenthBirthday = addYears(birthDate, MINIMUM_VOTING_AGE);

  return (
    compareIsoDates(collectionDate, seventeenthBirthday) < 0 &&
    compareIsoDates(pollingDate, seventeenthBirthday) >= 0
  );
}

// Whole years from birthDate to onDate, counting a year once its anniversary (as addYears
// places it) has been reached. onDate is not before birthDate.
function completedYears(birthDate: string, onDate: string): number {
  const years = requireIsoDate(onDate).year - requireIsoDate(birthDate).year;

  return compareIsoDates(addYears(birthDate, years), onDate) > 0 ? years - 1 : years;
}

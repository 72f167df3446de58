import { getDistricts } from 'idn-area-data';
import {
  createRegionCatalogue,
  JAKARTA_TIMUR_REGIONS,
  nikPrefixOf,
  parseNik,
  parseNkk,
  isTmsReason,
  type RegionCatalogue,
} from '@kaliber/schema';
import { describe, expect, it } from 'vitest';

import { loadRegionCatalogue } from '../src/regions/region-service.js';
import { JAKARTA_TIMUR_VOTERS_2024, kecamatanWeights } from '../src/seed/kecamatan-weights.js';
import { NIK_ORIGINS_ELSEWHERE } from '../src/seed/nik-origins.js';
import {
  DEFAULT_REFERENCE_DATE,
  generateVoterBatches,
  type SyntheticVoter,
} from '../src/seed/synthetic-voters.js';

const jakartaTimur = createRegionCatalogue(JAKARTA_TIMUR_REGIONS);

function generate(catalogue: RegionCatalogue, voters: number, seed: number): SyntheticVoter[] {
  return [...generateVoterBatches(catalogue, { voters, seed })].flat();
}

/** 20,000 voters of seed 7, shared by the read-only checks below. */
const sample = generate(jakartaTimur, 20_000, 7);

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }

  return groups;
}

function share(count: number, total: number): number {
  return count / total;
}

describe('the synthetic voter generator', () => {
  it('gives identical rows for the same seed', () => {
    expect(generate(jakartaTimur, 5_000, 42)).toEqual(generate(jakartaTimur, 5_000, 42));
  });

  it('gives different rows for a different seed', () => {
    const first = generate(jakartaTimur, 2_000, 1);
    const second = generate(jakartaTimur, 2_000, 2);

    const sameNik = first.filter((voter, index) => voter.nik === second[index]?.nik).length;
    expect(sameNik).toBeLessThan(100);
    expect(first).not.toEqual(second);
  });

  it('gives the same rows whatever the batch size', () => {
    const batches = [
      ...generateVoterBatches(jakartaTimur, { voters: 3_000, seed: 5, batchSize: 700 }),
    ];

    expect(batches.map((batch) => batch.length)).toEqual([700, 700, 700, 700, 200]);
    expect(batches.flat()).toEqual(generate(jakartaTimur, 3_000, 5));
  });

  it('keeps producing the rows documented for seed 7 (the determinism promise)', () => {
    // A change here means every seeded database and CSV changes: say so in the changelog.
    expect(sample.slice(0, 2)).toEqual([
      {
        nik: '3175016705860001',
        nkk: '3175011812140001',
        name: 'Nur Winda',
        birthPlace: 'Jakarta',
        birthDate: '1986-05-27',
        maritalStatus: 'P',
        sex: 'P',
        address: 'Gg. Masjid I No. 143B',
        rt: '011',
        rw: '001',
        disability: 0,
        ktpElStatus: 'S',
        remarks: null,
        kelurahanCode: '31.75.01.1001',
        tps: 1,
        status: 'AKTIF',
        tmsReason: null,
        source: 'IMPORT',
      },
      {
        nik: '3175016905710001',
        nkk: '3175012910200001',
        name: 'Ratna',
        birthPlace: 'Blora',
        birthDate: '1971-05-29',
        maritalStatus: 'S',
        sex: 'P',
        address: 'Jl. Pisangan Baru Raya No. 70',
        rt: '009',
        rw: '005',
        disability: 0,
        ktpElStatus: 'S',
        remarks: null,
        kelurahanCode: '31.75.01.1001',
        tps: 1,
        status: 'AKTIF',
        tmsReason: null,
        source: 'IMPORT',
      },
    ]);
  });

  it('produces exactly the number of voters asked for', () => {
    expect([
      sample.length,
      generate(jakartaTimur, 1, 3).length,
      generate(jakartaTimur, 0, 3),
    ]).toEqual([20_000, 1, []]);
  });

  it('gives every voter a valid NIK whose sex and birth date are the record’s', () => {
    const disagreements = sample.filter((voter) => {
      const parsed = parseNik(voter.nik, { referenceDate: DEFAULT_REFERENCE_DATE });
      return (
        !parsed.ok || parsed.value.sex !== voter.sex || parsed.value.birthDate !== voter.birthDate
      );
    });

    expect(disagreements).toEqual([]);
  });

  it('never gives two voters the same NIK', () => {
    expect(new Set(sample.map((voter) => voter.nik)).size).toBe(sample.length);
  });

  it('issues about one NIK in ten outside the kecamatan of residence, from real kecamatan codes', async () => {
    const districtCodes = new Set(
      (await getDistricts()).map((row) => row.code.replaceAll('.', '')),
    );
    const unknownOrigins = NIK_ORIGINS_ELSEWHERE.filter(
      (origin) => !districtCodes.has(origin.districtCode),
    );
    const fromElsewhere = sample.filter(
      (voter) => voter.nik.slice(0, 6) !== nikPrefixOf(voter.kelurahanCode.slice(0, 8)),
    );

    expect(unknownOrigins).toEqual([]);
    expect(share(fromElsewhere.length, sample.length)).toBeCloseTo(0.1, 1);
  });

  it('puts each household on one family card with one address, 1 to 5 adults', () => {
    const households = groupBy(sample, (voter) => voter.nkk);
    const mixed = [...households.values()].filter((members) => {
      const places = new Set(
        members.map((voter) => `${voter.address}|${voter.rt}|${voter.rw}|${voter.kelurahanCode}`),
      );
      return places.size !== 1 || members.length > 5;
    });
    // A household's members come one after the other, never split by another family.
    const runs = sample.filter((voter, index) => voter.nkk !== sample[index - 1]?.nkk).length;

    expect(mixed).toEqual([]);
    expect(runs).toBe(households.size);
    expect(sample.length / households.size).toBeGreaterThan(1.8);
    expect(sample.length / households.size).toBeLessThan(3);
  });

  it('gives each family card a valid NKK of the kecamatan where the household lives', () => {
    const wrong = sample.filter((voter) => {
      const parsed = parseNkk(voter.nkk, { referenceDate: DEFAULT_REFERENCE_DATE });
      return (
        !parsed.ok || parsed.value.districtCode !== nikPrefixOf(voter.kelurahanCode.slice(0, 8))
      );
    });

    expect(wrong).toEqual([]);
    expect(
      sample.every((voter) => jakartaTimur.knownDistrictCodes.has(voter.nkk.slice(0, 6))),
    ).toBe(true);
  });

  it('spreads 20,000 voters over the kecamatan in proportion to their 2024 voter counts', () => {
    const total2024 = Object.values(JAKARTA_TIMUR_VOTERS_2024).reduce(
      (sum, count) => sum + count,
      0,
    );
    const byKecamatan = groupBy(sample, (voter) => voter.kelurahanCode.slice(0, 8));
    const offTarget = Object.entries(JAKARTA_TIMUR_VOTERS_2024).filter(([code, count]) => {
      const actual = share(byKecamatan.get(code)?.length ?? 0, sample.length);
      return Math.abs(actual - share(count, total2024)) > 0.001;
    });

    expect(offTarget).toEqual([]);
    expect(byKecamatan.size).toBe(10);
  });

  it('gives every kelurahan voters, and keeps each polling station at 300 or fewer', () => {
    const byKelurahan = groupBy(sample, (voter) => voter.kelurahanCode);
    const byTps = groupBy(sample, (voter) => `${voter.kelurahanCode}/${voter.tps}`);
    const crowded = [...byTps.entries()].filter(([, members]) => members.length > 300);

    expect([...byKelurahan.keys()].sort()).toEqual(
      jakartaTimur.kelurahan.map((row) => row.code).sort(),
    );
    expect(crowded).toEqual([]);
  });

  it('makes adults of 17 to 90 with plausible records', () => {
    const ages = sample.map((voter) => ageOnReference(voter.birthDate));
    const summary = {
      youngest: Math.min(...ages),
      oldest: Math.max(...ages),
      women: share(sample.filter((voter) => voter.sex === 'P').length, sample.length),
      bornInJakarta: share(
        sample.filter((voter) => voter.birthPlace === 'Jakarta').length,
        sample.length,
      ),
      withoutDisability: share(
        sample.filter((voter) => voter.disability === 0).length,
        sample.length,
      ),
      withKtpEl: share(sample.filter((voter) => voter.ktpElStatus === 'S').length, sample.length),
      tms: share(sample.filter((voter) => voter.status === 'TMS').length, sample.length),
      marriedUnder20: share(
        sample.filter((voter, index) => (ages[index] ?? 0) < 20 && voter.maritalStatus !== 'B')
          .length,
        sample.filter((_, index) => (ages[index] ?? 0) < 20).length,
      ),
      rtRwShape: sample.every((voter) => /^\d{3}$/.test(voter.rt) && /^\d{3}$/.test(voter.rw)),
      addressShape: sample.every((voter) => /^(Jl|Gg)\. .+ No\. \d+[A-C]?$/.test(voter.address)),
      sources: [...new Set(sample.map((voter) => voter.source))],
    };

    expect(summary).toEqual({
      youngest: 17,
      oldest: expect.toSatisfy((age: number) => age >= 85 && age <= 90) as number,
      women: expect.closeTo(0.5, 1) as number,
      bornInJakarta: expect.closeTo(0.8, 1) as number,
      withoutDisability: expect.closeTo(0.97, 2) as number,
      withKtpEl: expect.closeTo(0.98, 2) as number,
      tms: expect.closeTo(0.03, 2) as number,
      marriedUnder20: expect.toSatisfy((value: number) => value < 0.1) as number,
      rtRwShape: true,
      addressShape: true,
      sources: ['IMPORT'],
    });
  });

  it('marks a few percent TMS, each with a reason of the domain, death the most common', () => {
    const tms = sample.filter((voter) => voter.status === 'TMS');
    const reasons = groupBy(tms, (voter) => voter.tmsReason ?? 'none');
    const mostCommon = [...reasons.entries()].sort(
      (left, right) => right[1].length - left[1].length,
    )[0]?.[0];

    expect(tms.length).toBeGreaterThan(0);
    expect([...reasons.keys()].filter((reason) => !isTmsReason(reason))).toEqual([]);
    expect(mostCommon).toBe('MENINGGAL');
    expect(sample.filter((voter) => voter.status === 'AKTIF' && voter.tmsReason !== null)).toEqual(
      [],
    );
  });

  it('gives the kecamatan of another kabupaten/kota equal shares and its own prefixes', async () => {
    const depok = await loadRegionCatalogue('32.76');
    const voters = generate(depok, 11_000, 9);
    const byKecamatan = groupBy(voters, (voter) => voter.kelurahanCode.slice(0, 8));

    expect([...kecamatanWeights(depok).values()]).toEqual(depok.kecamatan.map(() => 1));
    expect([...byKecamatan.values()].map((members) => members.length)).toEqual(
      depok.kecamatan.map(() => 1_000),
    );
    expect(voters.filter((voter) => !voter.nkk.startsWith('3276'))).toEqual([]);
    expect(voters.filter((voter) => voter.birthPlace === 'Jakarta').length).toBeLessThan(1_000);
  });
});

/** Whole years on the default reference date, 2024-02-14 (no leap-day births matter here). */
function ageOnReference(birthDate: string): number {
  const [year, month, day] = birthDate.split('-').map(Number) as [number, number, number];
  const beforeBirthday = month > 2 || (month === 2 && day > 14);

  return 2024 - year - (beforeBirthday ? 1 : 0);
}

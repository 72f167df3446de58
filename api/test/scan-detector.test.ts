import fc from 'fast-check';
import { addDays, buildNik } from '@kaliber/schema';
import { expect, it } from 'vitest';

import { ScanDetector, type ScanAlert } from '../src/public-access/scan-detector.js';

const START = Date.UTC(2026, 0, 5, 8, 0, 0);
const HOUR = 3_600_000;

function detectorWithClock() {
  const clock = { now: START };
  const detector = new ScanDetector({ now: () => clock.now });
  return { clock, detector };
}

/** Observes each NIK in turn, a second apart; returns what each lookup raised. */
function walk(
  detector: ScanDetector,
  clock: { now: number },
  clientIp: string,
  nikList: readonly string[],
): (ScanAlert | null)[] {
  return nikList.map((nik) => {
    clock.now += 1_000;
    return detector.observe(clientIp, nik);
  });
}

const serials = (birthDate: string, numbers: readonly number[]) =>
  numbers.map((serial) => buildNik({ districtCode: '31.75.01', birthDate, sex: 'L', serial }));

it('raises an alert on the fifth lookup of a walk over consecutive serials', () => {
  const { clock, detector } = detectorWithClock();

  expect(walk(detector, clock, '203.0.113.1', serials('1990-05-12', [1, 2, 3, 4, 5]))).toEqual([
    null,
    null,
    null,
    null,
    { pattern: 'CONSECUTIVE_SERIALS', count: 5 },
  ]);
});

it('follows a serial walk downwards and with steps of up to three', () => {
  const { clock, detector } = detectorWithClock();
  const alerts = walk(detector, clock, '203.0.113.1', serials('1990-05-12', [40, 38, 35, 34, 31]));

  expect(alerts.at(-1)).toEqual({ pattern: 'CONSECUTIVE_SERIALS', count: 5 });
  expect(alerts.slice(0, 4)).toEqual([null, null, null, null]);
});

it('raises an alert on a walk over adjacent birth dates, across a month end and for women', () => {
  const { clock, detector } = detectorWithClock();
  const men = [0, 1, 2, 3, 4].map((offset) =>
    buildNik({
      districtCode: '31.75.02',
      birthDate: addDays('1999-12-29', offset),
      sex: 'L',
      serial: 17,
    }),
  );
  const women = [0, 1, 2, 3, 4].map((offset) =>
    buildNik({
      districtCode: '31.75.02',
      birthDate: addDays('1985-02-26', offset),
      sex: 'P',
      serial: 9,
    }),
  );

  expect([
    walk(detector, clock, '203.0.113.2', men),
    walk(detector, clock, '203.0.113.3', women),
  ]).toEqual([
    [null, null, null, null, { pattern: 'CONSECUTIVE_BIRTH_DATES', count: 5 }],
    [null, null, null, null, { pattern: 'CONSECUTIVE_BIRTH_DATES', count: 5 }],
  ]);
});

it('raises one alert per client and pattern per window, and again after it', () => {
  const { clock, detector } = detectorWithClock();
  const numbers = Array.from({ length: 30 }, (_, index) => index + 1);
  const firstHour = walk(detector, clock, '203.0.113.4', serials('1990-05-12', numbers));
  // Under an hour later: the walk is still going, and the alert window has passed.
  clock.now += HOUR - 5_000;
  const nextHour = walk(detector, clock, '203.0.113.4', serials('1990-05-12', [31, 32]));

  expect(firstHour.filter((alert) => alert !== null)).toEqual([
    { pattern: 'CONSECUTIVE_SERIALS', count: 5 },
  ]);
  expect(nextHour).toEqual([{ pattern: 'CONSECUTIVE_SERIALS', count: 31 }, null]);
});

it('keeps each client’s walk apart, and sees through two interleaved walks', () => {
  const { clock, detector } = detectorWithClock();
  const first = serials('1990-05-12', [1, 2, 3, 4, 5]);
  const second = serials('1971-08-30', [101, 102, 103, 104, 105]);
  const interleaved = first.flatMap((nik, index) => [nik, second[index] ?? nik]);
  const otherClient = walk(detector, clock, '203.0.113.9', first.slice(0, 4));
  const alerts = walk(detector, clock, '203.0.113.5', interleaved);

  expect(otherClient).toEqual([null, null, null, null]);
  expect(alerts.slice(0, 8)).toEqual(Array(8).fill(null));
  expect(alerts.slice(8)).toEqual([{ pattern: 'CONSECUTIVE_SERIALS', count: 5 }, null]);
});

it('does not mistake twins checked back and forth, or the same NIK again, for a walk', () => {
  const { clock, detector } = detectorWithClock();
  const [one = '', two = ''] = serials('2001-03-03', [7, 8]);

  expect(
    walk(detector, clock, '203.0.113.6', [one, two, one, two, one, two, one, one, one]),
  ).toEqual(Array(9).fill(null));
});

const birthDate = fc
  .date({
    min: new Date('1940-01-01T00:00:00Z'),
    max: new Date('2008-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((date) => date.toISOString().slice(0, 10));
const kecamatan = fc
  .integer({ min: 1, max: 10 })
  .map((code) => `31.75.${String(code).padStart(2, '0')}`);
const sex = fc.constantFrom('L' as const, 'P' as const);
const serial = fc.integer({ min: 1, max: 9_999 });

it('raises nothing for random NIKs', () => {
  fc.assert(
    fc.property(
      fc.array(fc.record({ districtCode: kecamatan, birthDate, sex, serial }), {
        minLength: 20,
        maxLength: 60,
      }),
      (people) => {
        const { clock, detector } = detectorWithClock();
        return walk(detector, clock, '203.0.113.7', people.map(buildNik)).every(
          (alert) => alert === null,
        );
      },
    ),
  );
});

it('raises nothing for a family: one kecamatan, random birth dates and serials', () => {
  fc.assert(
    fc.property(
      kecamatan,
      fc.array(fc.record({ birthDate, sex, serial }), { minLength: 3, maxLength: 12 }),
      (districtCode, members) => {
        const { clock, detector } = detectorWithClock();
        const nikList = members.map((member) => buildNik({ ...member, districtCode }));
        // A family checks its NIKs, then checks them all again.
        return walk(detector, clock, '203.0.113.8', [...nikList, ...nikList]).every(
          (alert) => alert === null,
        );
      },
    ),
  );
});

it('remembers a bounded number of clients, forgetting those not seen for longest', () => {
  const clock = { now: START };
  const detector = new ScanDetector({ now: () => clock.now, maxClients: 4 });
  const nikList = serials('1990-05-12', [1, 2, 3, 4, 5]);
  walk(detector, clock, '198.51.100.1', nikList.slice(0, 4));
  let mostHeld = 0;
  for (let index = 0; index < 1_000; index += 1) {
    walk(detector, clock, `10.0.${index >> 8}.${index & 255}`, nikList.slice(0, 1));
    mostHeld = Math.max(mostHeld, detector.trackedClientCount);
  }
  // The first client was forgotten: its fifth step is the first of a new walk.
  const forgotten = walk(detector, clock, '198.51.100.1', nikList.slice(4));
  // A client that keeps coming back between newcomers is remembered.
  const busy = nikList.map((nik, index) => {
    walk(detector, clock, `10.1.0.${index}`, nikList.slice(0, 1));
    return walk(detector, clock, '198.51.100.2', [nik])[0];
  });

  expect({ mostHeld, forgotten, busy: busy.at(-1) }).toEqual({
    mostHeld: 4,
    forgotten: [null],
    busy: { pattern: 'CONSECUTIVE_SERIALS', count: 5 },
  });
});

it('keeps no NIK digits in clear beyond the serial and the day number', () => {
  const clock = { now: START };
  // A fixed key, so that whether a hash happens to spell digits cannot vary between runs.
  const detector = new ScanDetector({ now: () => clock.now, key: Buffer.alloc(32, 7) });
  const nikList = serials('1990-05-12', [1, 2, 3]);
  walk(detector, clock, '203.0.113.1', nikList);
  const { recent, older } = detector as unknown as Record<'recent' | 'older', Map<string, unknown>>;
  const state = JSON.stringify([...recent, ...older]);

  // The fixed part of each NIK (region and birth date) appears nowhere.
  expect(
    nikList.some((nik) => state.includes(nik.slice(0, 12)) || state.includes(nik.slice(0, 6))),
  ).toBe(false);
  expect(state).toContain('203.0.113.1');
});

import { expect, it } from 'vitest';

import {
  DEFAULT_MASK_POLICY,
  MASK_POLICIES,
  maskName,
  maskNik,
  parseMaskPolicy,
} from '../src/index.js';

it('stars the last six digits by default', () => {
  expect([DEFAULT_MASK_POLICY, maskNik('3175014512050003')]).toEqual([
    { visibleDigits: 10 },
    '3175014512******',
  ]);
});

it('stars the last four digits under the last4 policy', () => {
  expect(maskNik('3175014512050003', MASK_POLICIES.last4)).toBe('317501451205****');
});

it('normalises before masking, so separators do not shift the stars', () => {
  expect(maskNik('3175.0145-1205 0003')).toBe('3175014512******');
});

it('masks an NKK the same way', () => {
  expect(maskNik('3175010101200001', { visibleDigits: 6 })).toBe('317501**********');
});

it('reads a policy from a setting: a name or a number of visible digits', () => {
  expect(['last6', 'last4', ' last4 ', '0', '8', '16'].map(parseMaskPolicy)).toEqual([
    { visibleDigits: 10 },
    { visibleDigits: 12 },
    { visibleDigits: 12 },
    { visibleDigits: 0 },
    { visibleDigits: 8 },
    { visibleDigits: 16 },
  ]);
});

it('rejects any other setting with a RangeError', () => {
  const rejected = ['17', '-1', '4.5', 'last5', 'LAST6', '', 'six'].filter((value) => {
    try {
      parseMaskPolicy(value);
      return false;
    } catch (error) {
      return error instanceof RangeError;
    }
  });

  expect(rejected).toEqual(['17', '-1', '4.5', 'last5', 'LAST6', '', 'six']);
});

it('refuses a policy object that is out of range instead of revealing everything', () => {
  expect(() => maskNik('3175014512050003', { visibleDigits: 17 })).toThrow(RangeError);
  expect(() => maskNik('3175014512050003', { visibleDigits: 2.5 })).toThrow(RangeError);
});

it('masks a name to the initial of each word, hiding the word lengths', () => {
  expect([maskName('SITI AMINAH'), maskName('  Muhammad   Rizky Pratama '), maskName('')]).toEqual([
    'S*** A***',
    'M*** R*** P***',
    '',
  ]);
});

/** The public operations that are rate-limited (DESIGN §6.3). */
export type PublicAction = 'CEK_NIK' | 'REGISTRATION_STATUS' | 'REGISTRATION_SUBMIT';

export const PUBLIC_ACTIONS: readonly PublicAction[] = [
  'CEK_NIK',
  'REGISTRATION_STATUS',
  'REGISTRATION_SUBMIT',
];

/** What a limit counts: one client IP, one NIK across all IPs, or every request of the action. */
export type LimitScope = 'IP' | 'NIK' | 'GLOBAL';

/** At most `points` requests in each fixed window of `windowSeconds` (windows start at epoch multiples). */
export interface RateLimitRule {
  readonly points: number;
  readonly windowSeconds: number;
}

/** The three limits of one public action; a request must fit all three to be admitted. */
export interface ActionLimits {
  readonly perIp: RateLimitRule;
  readonly perNik: RateLimitRule;
  readonly global: RateLimitRule;
}

export type PublicLimits = Readonly<Record<PublicAction, ActionLimits>>;

const UNIT_SECONDS = { s: 1, m: 60, h: 3_600 } as const;
const MAX_POINTS = 1_000_000_000;
/** A week: longer windows would hold counters long after anyone remembers why. */
const MAX_WINDOW_SECONDS = 7 * 24 * 3_600;
const RULE_PATTERN = /^(\d{1,10})\/(\d{1,6})([smh])$/;

/**
 * Reads a rule of the settings: `30/10m` is 30 requests per 10 minutes; units `s`, `m`, `h`.
 * Throws a RangeError on anything else (no default is guessed for a typo).
 */
export function parseRateLimitRule(text: string): RateLimitRule {
  const match = RULE_PATTERN.exec(text.trim());
  const points = Number(match?.[1]);
  const windowSeconds = Number(match?.[2]) * UNIT_SECONDS[(match?.[3] ?? 's') as 's' | 'm' | 'h'];
  if (
    !match ||
    points < 1 ||
    points > MAX_POINTS ||
    windowSeconds < 1 ||
    windowSeconds > MAX_WINDOW_SECONDS
  ) {
    throw new RangeError(
      'harus berbentuk jumlah/jangka waktu dengan satuan s, m atau h (mis. 30/10m), ' +
        'jumlah minimal 1 dan jangka paling lama 168h',
    );
  }

  return { points, windowSeconds };
}

/** The rule as the settings write it, e.g. `30/10m`. */
export function formatRateLimitRule(rule: RateLimitRule): string {
  const { points, windowSeconds } = rule;
  if (windowSeconds % 3_600 === 0) return `${points}/${windowSeconds / 3_600}h`;
  if (windowSeconds % 60 === 0) return `${points}/${windowSeconds / 60}m`;

  return `${points}/${windowSeconds}s`;
}

/**
 * Defaults for an office of about 2.4 M voters (Jakarta Timur):
 *
 * - Per IP: a citizen checks a handful of NIKs (their own and their family's), but mobile
 *   carriers put many subscribers behind one address (carrier-grade NAT), so the limit leaves
 *   room for a busy shared address rather than one person: 30 Cek NIK per 10 minutes. A
 *   harvester on one address gets ~4,300 a day, i.e. more than 500 days for the list.
 * - Per NIK across all IPs: a person and their family check one NIK a few times; more than 10
 *   checks an hour is someone probing that number (for the status lookup, guessing receipt
 *   codes for one NIK, hence the tighter limit there).
 * - Global: the week before an election the whole city may check: 2.4 M checks over a week is
 *   ~4/s on average and perhaps 15/s at the evening peak, ~900 a minute. The global ceiling of
 *   3,000 a minute leaves about 3× that peak, is far below what the server can answer, and
 *   still makes a distributed harvest of the whole list take more than 13 hours, long enough
 *   for the scan alerts to be seen. It is a circuit breaker, not a per-person budget: whoever
 *   reaches it denies service to everyone, so it must sit well above honest demand; the proof
 *   of work is what makes many-address floods expensive.
 * - Registration: each submission decodes and re-encodes two images (~0.2 s of CPU each), so
 *   the limits are low; a family registers a few members, a NIK registers once.
 */
export const DEFAULT_PUBLIC_LIMITS: PublicLimits = {
  CEK_NIK: {
    perIp: { points: 30, windowSeconds: 600 },
    perNik: { points: 10, windowSeconds: 3_600 },
    global: { points: 3_000, windowSeconds: 60 },
  },
  REGISTRATION_STATUS: {
    perIp: { points: 20, windowSeconds: 600 },
    perNik: { points: 5, windowSeconds: 3_600 },
    global: { points: 1_000, windowSeconds: 60 },
  },
  REGISTRATION_SUBMIT: {
    perIp: { points: 10, windowSeconds: 3_600 },
    perNik: { points: 3, windowSeconds: 24 * 3_600 },
    global: { points: 60, windowSeconds: 60 },
  },
};

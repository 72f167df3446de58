import autocannon from 'autocannon';

/** One request body of a load run and the answer it must get. */
export interface LoadRequest<T> {
  readonly body: Buffer;
  readonly expected: T;
}

export interface LoadPlan<T> {
  /** Base URL of the server under test. */
  readonly url: string;
  /** Every request is a JSON POST to this path. */
  readonly path: string;
  readonly connections: number;
  readonly durationSeconds: number;
  /** Load of the same kind before the measured run; its figures are thrown away. */
  readonly warmupSeconds: number;
  /** Sent in turn by all connections together, from the start again after the last. */
  readonly requests: readonly LoadRequest<T>[];
  /** Whether a parsed 2xx answer is the right one for `expected`. */
  readonly isRightAnswer: (answer: unknown, expected: T) => boolean;
}

/** The figures of one measured run. Latencies are in milliseconds. */
export interface LoadFigures {
  /** Mean of autocannon's one-second samples. */
  readonly requestsPerSecond: number;
  readonly completed: number;
  readonly durationSeconds: number;
  readonly latencyMs: { readonly p50: number; readonly p97_5: number; readonly p99: number };
  /** Socket errors (refused, reset) and requests that timed out. */
  readonly errors: number;
  readonly timeouts: number;
  readonly non2xx: number;
  /** 2xx answers carrying a GraphQL `errors` member; every answer is looked at. */
  readonly graphqlErrors: number;
  /** Answers parsed and compared with the expected one. */
  readonly sampled: number;
  readonly wrongAnswers: number;
  /** No error of any kind and a non-empty sample: only such a run is a figure. */
  readonly isValid: boolean;
}

/** Every answer until this many is parsed, then one in SAMPLE_STRIDE: a few hundred a run. */
const SAMPLE_FIRST = 100;
const SAMPLE_STRIDE = 200;

/**
 * Runs the warm-up, then the measured load, with autocannon in this process. Each request takes
 * the next body of the plan. Every answer is checked cheaply for a GraphQL `errors` member; a
 * sample is parsed in full and compared with what that request should get, which catches a
 * server that answers fast but wrongly. Parsing every answer would cost the load generator, which
 * shares the CPU with the server, more than the check is worth.
 */
export async function runLoad<T>(plan: LoadPlan<T>): Promise<LoadFigures> {
  if (plan.requests.length === 0) throw new Error('A load plan needs at least one request');

  let cursor = 0;
  const nextRequest = (): LoadRequest<T> => {
    const request = plan.requests[cursor] as LoadRequest<T>;
    cursor = (cursor + 1) % plan.requests.length;
    return request;
  };

  if (plan.warmupSeconds > 0) {
    await fire(plan, plan.warmupSeconds, nextRequest, newCounts());
  }
  const counts = newCounts();
  const result = await fire(plan, plan.durationSeconds, nextRequest, counts);
  const isValid =
    result.errors === 0 &&
    result.timeouts === 0 &&
    result.non2xx === 0 &&
    counts.graphqlErrors === 0 &&
    counts.wrongAnswers === 0 &&
    counts.sampled > 0;

  return {
    requestsPerSecond: Math.round(result.requests.average),
    completed: result.requests.total,
    durationSeconds: result.duration,
    latencyMs: {
      p50: result.latency.p50,
      p97_5: result.latency.p97_5,
      p99: result.latency.p99,
    },
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    graphqlErrors: counts.graphqlErrors,
    sampled: counts.sampled,
    wrongAnswers: counts.wrongAnswers,
    isValid,
  };
}

interface AnswerCounts {
  seen: number;
  graphqlErrors: number;
  sampled: number;
  wrongAnswers: number;
}

function newCounts(): AnswerCounts {
  return { seen: 0, graphqlErrors: 0, sampled: 0, wrongAnswers: 0 };
}

async function fire<T>(
  plan: LoadPlan<T>,
  durationSeconds: number,
  nextRequest: () => LoadRequest<T>,
  counts: AnswerCounts,
): Promise<autocannon.Result> {
  return autocannon({
    url: plan.url,
    connections: plan.connections,
    duration: durationSeconds,
    requests: [
      {
        method: 'POST',
        path: plan.path,
        headers: { 'content-type': 'application/json' },
        // autocannon passes the same context to a connection's onResponse, so the answer is
        // compared with what its own request expected.
        setupRequest: (request, context) => {
          const next = nextRequest();
          context.expected = next.expected;
          request.body = next.body;
          return request;
        },
        onResponse: (status, body, context) => {
          if (status < 200 || status > 299) return;
          counts.seen += 1;
          if (body.includes('"errors"')) counts.graphqlErrors += 1;
          if (counts.seen > SAMPLE_FIRST && counts.seen % SAMPLE_STRIDE !== 0) return;

          counts.sampled += 1;
          if (!plan.isRightAnswer(parseOrNull(body), context.expected as T)) {
            counts.wrongAnswers += 1;
          }
        },
      },
    ],
  });
}

function parseOrNull(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return null;
  }
}

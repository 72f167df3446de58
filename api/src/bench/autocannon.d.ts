// autocannon 9 ships no types and @types/autocannon is not installed; this declares the part of
// its programmatic API the bench uses (see node_modules/autocannon/README.md, "API").
declare module 'autocannon' {
  function autocannon(options: autocannon.Options): autocannon.Instance;

  namespace autocannon {
    /** One request as autocannon builds it; `setupRequest` may replace any field. */
    interface RequestParams {
      method?: string;
      path?: string;
      headers?: Record<string, string>;
      body?: string | Buffer;
    }

    /** Per-connection scratch object, passed to `setupRequest` and then to `onResponse`. */
    type RequestContext = Record<string, unknown>;

    interface RequestSpec extends RequestParams {
      setupRequest?: (request: RequestParams, context: RequestContext) => RequestParams;
      onResponse?: (status: number, body: string, context: RequestContext) => void;
    }

    interface Options {
      url: string;
      connections?: number;
      /** Seconds. */
      duration?: number;
      /** Seconds before a request counts as a timeout. */
      timeout?: number;
      pipelining?: number;
      title?: string;
      requests?: RequestSpec[];
    }

    /** Percentiles of a histogram, as autocannon's result reports them. */
    interface Histogram {
      average: number;
      mean: number;
      stddev: number;
      min: number;
      max: number;
      total: number;
      p50: number;
      p90: number;
      p97_5: number;
      p99: number;
    }

    interface Result {
      title?: string;
      /** Seconds the run lasted. */
      duration: number;
      /** Socket-level failures: refused or reset connections. */
      errors: number;
      timeouts: number;
      non2xx: number;
      /** Milliseconds. */
      latency: Histogram;
      /** Requests per one-second sample; `total` is the number of completed requests. */
      requests: Histogram & { sent: number };
    }

    interface Instance extends PromiseLike<Result> {
      stop(): void;
    }
  }

  // The package is CommonJS (`module.exports = autocannon`), hence `export =`.
  export = autocannon;
}

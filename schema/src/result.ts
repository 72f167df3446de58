/**
 * An expected problem with some input, as a value rather than an exception.
 *
 * `code` is for programs: a stable English SCREAMING_SNAKE string (for example `NIK_FORMAT`)
 * that the API forwards as the GraphQL error code and the console may branch on.
 * `message` is for people: one Indonesian sentence, the same on server and console, that says
 * what is wrong. It never repeats personal data such as a whole NIK.
 */
export interface DomainIssue<C extends string = string> {
  code: C;
  message: string;
}

/**
 * The outcome of parsing untrusted input. A success may still carry warnings: facts staff
 * should see (an unknown region code, a mismatch with the form) that do not reject the input.
 */
export type Parsed<T> =
  { ok: true; value: T; warnings: DomainIssue[] } | { ok: false; error: DomainIssue };

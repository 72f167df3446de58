import type { SignedInActor } from './actor.js';

/**
 * The kelurahan codes a caller may see, as a scope code: null for the whole kota (every role
 * but a scoped OPERATOR), otherwise the OPERATOR's kecamatan or kelurahan code.
 */
export function scopeCodeOf(actor: SignedInActor): string | null {
  return actor.role === 'OPERATOR' ? actor.scopeCode : null;
}

/** Whether a kelurahan lies inside a scope (a kecamatan code covers its kelurahan). */
export function isKelurahanInScope(scopeCode: string | null, kelurahanCode: string): boolean {
  return (
    scopeCode === null || kelurahanCode === scopeCode || kelurahanCode.startsWith(`${scopeCode}.`)
  );
}

/**
 * The SQL condition limiting a voter query to a scope, with its parameters; `column` is a
 * fixed column reference from code, never user input. Kemendagri codes hold only digits and
 * dots, so a LIKE prefix needs no escaping.
 */
export function scopeCondition(
  scopeCode: string | null,
  column: string,
): { sql: string; parameters: Record<string, string> } | null {
  if (scopeCode === null) return null;

  return {
    sql: `(${column} = :scopeCode OR ${column} LIKE :scopePrefix)`,
    parameters: { scopeCode, scopePrefix: `${scopeCode}.%` },
  };
}

import 'reflect-metadata';

import fs from 'node:fs';

import { describe, expect, it } from 'vitest';

import { ROLES, type Role } from '../src/accounts/role.js';
import type { AccessDecision } from '../src/authorization/access.js';
import type { SessionStage } from '../src/authorization/actor.js';
import { scopeCodeOf } from '../src/authorization/area-scope.js';
import { PERSONAL_DATA_POLICY, PERSONAL_FIELDS } from '@kaliber/schema';
import { buildKaliberSchema, operationAccess } from '../src/graphql/build-schema.js';

const DOCS = new URL('../../docs/authorization.md', import.meta.url);
const YES = '✓';
const NO = '—';
const STAGE_WORDS: Record<SessionStage, string> = {
  PASSWORD_CHANGE_REQUIRED: 'password change',
  TOTP_ENROLMENT_REQUIRED: 'TOTP enrolment',
  ACTIVE: 'active',
};

/** The rows of the first table under a heading, cells trimmed and code marks dropped. */
function tableUnder(markdown: string, heading: string): string[][] {
  const lines = markdown.split('\n');
  const start = lines.indexOf(heading);
  if (start < 0) throw new Error(`docs/authorization.md has no heading "${heading}"`);

  const rows: string[][] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('#') || (rows.length > 0 && !line.startsWith('|'))) break;
    if (!line.startsWith('|')) continue;
    const cells = line
      .slice(1, -1)
      .split('|')
      .map((cell) => cell.trim().replaceAll('`', ''));
    if (!cells.every((cell) => /^:?-+:?$/.test(cell))) rows.push(cells);
  }

  return rows;
}

/** The table as { first cell: the other cells }, with the whole header row under `header`. */
function keyed(rows: string[][]): Record<string, string[]> {
  return Object.fromEntries(
    rows.map((row, index) => (index === 0 ? ['header', row] : [row[0] ?? '', row.slice(1)])),
  );
}

/** How a decision reads in the operation table: kind, a tick per caller, the stages. */
function operationRow(decision: AccessDecision | undefined): string[] {
  switch (decision?.kind) {
    case 'public':
      return ['public', YES, ...ROLES.map(() => YES), 'any'];
    case 'signed-in':
      return [
        'signed-in',
        NO,
        ...ROLES.map(() => YES),
        decision.stages.map((stage) => STAGE_WORDS[stage]).join(', '),
      ];
    case 'roles':
      return [
        'roles',
        NO,
        ...ROLES.map((role) => (decision.roles.includes(role) ? YES : NO)),
        'active',
      ];
    case undefined:
      return ['undecided'];
    default: {
      const unknownDecision: never = decision;
      throw new Error(`unknown decision ${JSON.stringify(unknownDecision)}`);
    }
  }
}

/** Which voters a caller's personal fields can come from at all. */
function areaOf(caller: Role | 'ANONYMOUS'): string {
  const policy = PERSONAL_DATA_POLICY[caller];
  if (PERSONAL_FIELDS.every((field) => policy[field] === 'refused')) return NO;
  if (caller === 'ANONYMOUS') throw new Error('anonymous callers have no area');

  // Would an account of this role, given a kecamatan, be held to it?
  const scoped = scopeCodeOf({
    accountId: 1,
    username: 'probe',
    displayName: 'probe',
    role: caller,
    scopeCode: '31.75.01',
    sessionId: 1,
    sessionKind: 'CONSOLE',
    stage: 'ACTIVE',
  });
  return scoped === null ? 'whole kota' : 'own scope';
}

describe('docs/authorization.md', () => {
  const markdown = fs.readFileSync(DOCS, 'utf8');

  it('lists every query and mutation with the decision the schema declares', async () => {
    const access = operationAccess(await buildKaliberSchema());
    const documented = keyed(tableUnder(markdown, '## Who may call what'));

    expect(documented).toEqual({
      header: ['Operation', 'Decision', 'anonymous', ...ROLES, 'Session stage'],
      ...Object.fromEntries(
        access.map(({ operation, decision }) => [operation, operationRow(decision)]),
      ),
    });
  });

  it('shows for every caller and personal field what PERSONAL_DATA_POLICY says', () => {
    const callers = [...ROLES, 'ANONYMOUS'] as const;
    const documented = keyed(tableUnder(markdown, '## Personal fields'));

    expect(documented).toEqual({
      header: ['Caller', ...PERSONAL_FIELDS, 'Area'],
      ...Object.fromEntries(
        callers.map((caller) => [
          caller === 'ANONYMOUS' ? 'anonymous' : caller,
          [...PERSONAL_FIELDS.map((field) => PERSONAL_DATA_POLICY[caller][field]), areaOf(caller)],
        ]),
      ),
    });
  });
});

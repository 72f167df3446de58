import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

import { AUDIT_EVENTS } from '../src/audit/audit-event-catalogue.js';

const auditDoc = path.resolve(import.meta.dirname, '../../docs/audit.md');

/** The rows of the "Event kinds" table: `ACTION` | description. */
function documentedEvents(): Record<string, string> {
  const section = fs.readFileSync(auditDoc, 'utf8').split('## Event kinds')[1]?.split('\n## ')[0];
  const rows = (section ?? '')
    .split('\n')
    .map((line) => /^\|\s*`([A-Z_]+)`\s*\|\s*(.+?)\s*\|$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null);

  return Object.fromEntries(
    rows.map((match): [string, string] => [match[1] ?? '', match[2] ?? '']),
  );
}

it('documents every audit event kind with the description the console shows', () => {
  expect(documentedEvents()).toEqual(AUDIT_EVENTS);
});

import type { PersonalField } from '@kaliber/schema';

/** The full personal values one request resolved, by voter, for its audit entries. */
export class PersonalDataViews {
  private readonly fieldsByVoter = new Map<number, Set<PersonalField>>();

  note(voterId: number, field: PersonalField): void {
    let fields = this.fieldsByVoter.get(voterId);
    if (!fields) {
      fields = new Set();
      this.fieldsByVoter.set(voterId, fields);
    }
    fields.add(field);
  }

  /** One item per voter, fields sorted, voters in the order first seen. */
  entries(): { voterId: number; fields: PersonalField[] }[] {
    return [...this.fieldsByVoter].map(([voterId, fields]) => ({
      voterId,
      fields: [...fields].sort(),
    }));
  }
}

import { Extensions, UseMiddleware, type MiddlewareFn } from 'type-graphql';

import { forbidden, notFound } from '../errors/domain-error.js';
import type { GraphQLContext } from '../graphql/context.js';
import { isKelurahanInScope, scopeCodeOf } from './area-scope.js';
import { maskPersonalValue, PERSONAL_DATA_POLICY, type PersonalField } from '@kaliber/schema';

/** What a personal field's parent object must carry for the scope check and the audit entry. */
export interface PersonalDataOwner {
  readonly id: number;
  readonly kelurahanCode: string;
}

/**
 * Marks a voter field as personal data: it resolves in full, masked or not at all according to
 * PERSONAL_DATA_POLICY and the caller's area, and every full value is noted for the request's
 * PERSONAL_DATA_VIEWED audit entries (written before the response leaves; see
 * personal-data-audit.plugin.ts).
 */
export function PersonalDataField(field: PersonalField): PropertyDecorator {
  const middleware: MiddlewareFn<GraphQLContext> = async ({ root, context }, next) => {
    const owner = root as PersonalDataOwner;
    const { actor } = context;
    const access = PERSONAL_DATA_POLICY[actor?.role ?? 'ANONYMOUS'][field];
    if (access === 'refused' || !actor) {
      throw forbidden('Data pribadi ini tidak tersedia untuk peran Anda');
    }
    // Queries already filter by area; this is the second lock on the same door.
    if (!isKelurahanInScope(scopeCodeOf(actor), owner.kelurahanCode)) throw notFound('Pemilih');

    const value: unknown = await next();
    if (value === null || value === undefined) return value;
    if (access === 'masked') {
      if (typeof value !== 'string') throw new Error(`personal field ${field} has no masked form`);
      return maskPersonalValue(field, value);
    }

    context.personalDataViews.note(owner.id, field);
    return value;
  };
  const extensions = Extensions({ personalData: field });
  const useMiddleware = UseMiddleware(middleware);

  return (target, key) => {
    extensions(target, key);
    useMiddleware(target, key);
  };
}

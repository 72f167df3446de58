import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ValidationRule } from 'graphql';

import type { GraphQLContext } from './context.js';

/**
 * Limits on the shape of any GraphQL request (DESIGN §6.4), applied before execution. They are
 * set above what the console's own operations need (its deepest query, the region tree, has
 * depth 5; none uses aliases or directives) and far below what an abuser would send: 500 aliased
 * Cek NIK lookups in one request are refused whole.
 */
/** Most tokens a GraphQL document may have; passed to Apollo's parser as `parseOptions`. */
export const MAX_TOKENS = 2_000;

export function graphqlLimits(): {
  plugins: ApolloServerPlugin<GraphQLContext>[];
  validationRules: ValidationRule[];
} {
  const armor = new ApolloArmor({
    maxAliases: { n: 5 },
    maxDepth: { n: 8 },
    maxDirectives: { n: 10 },
    // Its Apollo plugin re-parses the document outside Apollo's error handling, so a syntax
    // error became a 500; the token limit is set on Apollo's own parser instead (MAX_TOKENS).
    maxTokens: { enabled: false },
    costLimit: { maxCost: 5_000 },
    blockFieldSuggestion: { enabled: true },
  }).protect();

  // graphql-armor's typings name Apollo's CommonJS build, the API loads its ESM build: the same
  // plugin interface twice, which TypeScript cannot equate.
  return {
    plugins: armor.plugins as unknown as ApolloServerPlugin<GraphQLContext>[],
    validationRules: armor.validationRules,
  };
}

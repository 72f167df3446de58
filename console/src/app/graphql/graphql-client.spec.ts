import { CombinedGraphQLErrors } from '@apollo/client/errors';

import { endsSession } from './graphql-client';

function answerWithCode(code: string): CombinedGraphQLErrors {
  return new CombinedGraphQLErrors({
    data: null,
    errors: [{ message: 'Silakan masuk terlebih dahulu', extensions: { code } }],
  });
}

describe('endsSession', () => {
  it('treats UNAUTHENTICATED from a staff operation as the end of the session', () => {
    expect(endsSession(answerWithCode('UNAUTHENTICATED'), 'SearchVoters')).toBe(true);
  });

  it('leaves the sign-in flow to handle its own answers', () => {
    expect(
      ['Viewer', 'Login', 'Logout'].map((name) =>
        endsSession(answerWithCode('UNAUTHENTICATED'), name),
      ),
    ).toEqual([false, false, false]);
  });

  it('ignores other errors and failures without a GraphQL answer', () => {
    expect([
      endsSession(answerWithCode('FORBIDDEN'), 'Accounts'),
      endsSession(new Error('connect ECONNREFUSED'), 'Accounts'),
    ]).toEqual([false, false]);
  });
});

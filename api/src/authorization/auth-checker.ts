import type { AuthCheckerFn } from 'type-graphql';

import { forbidden, unauthenticated } from '../errors/domain-error.js';
import type { GraphQLContext } from '../graphql/context.js';
import { SIGNED_IN_MARKER } from './access.js';
import type { SessionStage } from './actor.js';

const STAGE_MESSAGES: Record<Exclude<SessionStage, 'ACTIVE'>, string> = {
  PASSWORD_CHANGE_REQUIRED: 'Ganti kata sandi Anda terlebih dahulu',
  TOTP_ENROLMENT_REQUIRED: 'Aktifkan faktor kedua (TOTP) terlebih dahulu',
};

/**
 * TypeGraphQL's check for every @Authorized operation (see access.ts). It throws Kaliber's own
 * coded errors rather than answering false, so the client learns whether to sign in
 * (UNAUTHENTICATED), finish a forced step (FORBIDDEN with `stage`) or stop (FORBIDDEN).
 */
export const authChecker: AuthCheckerFn<GraphQLContext> = ({ context }, rules) => {
  const { actor } = context;
  if (!actor) throw unauthenticated();

  if (rules[0] === SIGNED_IN_MARKER) {
    const stages = rules.slice(1);
    if (actor.sessionKind !== 'CONSOLE') throw forbidden('Hanya untuk sesi konsol');
    if (!stages.includes(actor.stage)) throw stageError(actor.stage);
    return true;
  }

  if (actor.stage !== 'ACTIVE') throw stageError(actor.stage);
  if (!rules.includes(actor.role)) throw forbidden();

  return true;
};

function stageError(stage: SessionStage) {
  return stage === 'ACTIVE' ? forbidden() : forbidden(STAGE_MESSAGES[stage], { stage });
}

import { type SessionStage } from '../graphql/generated/graphql';

/** The page a forced step lives on; while a step is due, no other staff page opens. */
export const passwordChangePath = '/staf/ganti-kata-sandi';
export const totpEnrolmentPath = '/staf/aktifkan-totp';
export const staffHomePath = '/staf';
export const loginPath = '/masuk';

/** Where a session in this stage belongs: its forced step, or the staff home when none is due. */
export function stageHomePath(stage: SessionStage): string {
  switch (stage) {
    case 'PASSWORD_CHANGE_REQUIRED':
      return passwordChangePath;
    case 'TOTP_ENROLMENT_REQUIRED':
      return totpEnrolmentPath;
    case 'ACTIVE':
      return staffHomePath;
    default:
      return assertNever(stage);
  }
}

/** The forced step's page for this stage, or null when the session may go anywhere. */
export function forcedStepPath(stage: SessionStage): string | null {
  return stage === 'ACTIVE' ? null : stageHomePath(stage);
}

function assertNever(value: never): never {
  throw new Error(`Unknown session stage: ${String(value)}`);
}

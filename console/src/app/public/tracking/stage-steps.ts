import { REGISTRATION_STAGES, type RegistrationStage } from '@kaliber/schema';

/** One step of the tracking stepper: DIAJUKAN → DIVERIFIKASI → DITERIMA or DITOLAK. */
export interface StageStep {
  readonly stage: RegistrationStage;
  readonly label: string;
  /** done: passed; current: where the registration stands; todo: still ahead. */
  readonly progress: 'done' | 'current' | 'todo';
}

/**
 * The three steps a citizen sees for a stage. The last step is the decision: "Diterima" or
 * "Ditolak" once made; before that it reads "Diterima / Ditolak", since either may come.
 */
export function stageSteps(stage: RegistrationStage): readonly StageStep[] {
  const reached = stepIndexOf(stage);
  const decision: RegistrationStage = stage === 'DITOLAK' ? 'DITOLAK' : 'DITERIMA';
  const steps: readonly RegistrationStage[] = ['DIAJUKAN', 'DIVERIFIKASI', decision];

  return steps.map((step, index) => ({
    stage: step,
    label:
      index === 2 && reached < 2
        ? `${REGISTRATION_STAGES.DITERIMA.label} / ${REGISTRATION_STAGES.DITOLAK.label}`
        : REGISTRATION_STAGES[step].label,
    progress: index < reached ? 'done' : index === reached ? 'current' : 'todo',
  }));
}

// A decision, acceptance or refusal, ends the path on its last step; the steps before count as
// passed, since the office looked at the registration to decide.
function stepIndexOf(stage: RegistrationStage): number {
  switch (stage) {
    case 'DIAJUKAN':
      return 0;
    case 'DIVERIFIKASI':
      return 1;
    case 'DITERIMA':
    case 'DITOLAK':
      return 2;
    default: {
      const unknownStage: never = stage;
      throw new Error(`Unknown registration stage ${String(unknownStage)}`);
    }
  }
}

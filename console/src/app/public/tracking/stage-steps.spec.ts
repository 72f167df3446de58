import { stageSteps } from './stage-steps';

function summary(stage: Parameters<typeof stageSteps>[0]): string[] {
  return stageSteps(stage).map((step) => `${step.label}: ${step.progress}`);
}

describe('stageSteps', () => {
  it('leaves the decision open while the registration waits for it', () => {
    expect(summary('DIAJUKAN')).toEqual([
      'Diajukan: current',
      'Diverifikasi: todo',
      'Diterima / Ditolak: todo',
    ]);
    expect(summary('DIVERIFIKASI')).toEqual([
      'Diajukan: done',
      'Diverifikasi: current',
      'Diterima / Ditolak: todo',
    ]);
  });

  it('ends on the decision that was made', () => {
    expect(summary('DITERIMA')).toEqual([
      'Diajukan: done',
      'Diverifikasi: done',
      'Diterima: current',
    ]);
    expect(summary('DITOLAK')).toEqual([
      'Diajukan: done',
      'Diverifikasi: done',
      'Ditolak: current',
    ]);
  });
});

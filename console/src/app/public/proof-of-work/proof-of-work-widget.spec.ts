import { type ComponentFixture, TestBed } from '@angular/core/testing';

import { ALTCHA_LOADER, ProofOfWorkWidget } from './proof-of-work-widget';
import { solveProofOfWork } from './public-settings.fixture';

describe('ProofOfWorkWidget', () => {
  let fixture: ComponentFixture<ProofOfWorkWidget>;

  async function open(loader: () => Promise<void>): Promise<void> {
    TestBed.configureTestingModule({
      imports: [ProofOfWorkWidget],
      providers: [{ provide: ALTCHA_LOADER, useValue: loader }],
    });
    fixture = TestBed.createComponent(ProofOfWorkWidget);
    await fixture.whenStable();
  }

  function host(): HTMLElement {
    return fixture.nativeElement as HTMLElement;
  }

  it("points the widget at the API's challenge, in Indonesian", async () => {
    await open(() => Promise.resolve());
    const widget = host().querySelector('altcha-widget');

    expect([widget?.getAttribute('challenge'), widget?.getAttribute('language')]).toEqual([
      '/public/challenge',
      'id',
    ]);
  });

  it('holds the payload while the puzzle is solved, and drops it when it is not any more', async () => {
    await open(() => Promise.resolve());
    const widget = fixture.componentInstance;

    solveProofOfWork(host(), 'c29sdXNp');
    expect(widget.payload()).toBe('c29sdXNp');

    // The widget reports an expired solution as a new state.
    host()
      .querySelector('altcha-widget')
      ?.dispatchEvent(
        new CustomEvent('statechange', { detail: { state: 'expired', payload: null } }),
      );
    expect(widget.payload()).toBeNull();
  });

  it('unticks the widget and forgets the payload on reset', async () => {
    await open(() => Promise.resolve());
    const element = host().querySelector('altcha-widget') as HTMLElement & { reset?: () => void };
    element.reset = vi.fn();
    solveProofOfWork(host(), 'c29sdXNp');

    fixture.componentInstance.reset();

    expect(element.reset).toHaveBeenCalledTimes(1);
    expect(fixture.componentInstance.payload()).toBeNull();
  });

  it('says so when the widget cannot be loaded', async () => {
    await open(() => Promise.reject(new Error('chunk failed')));
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();

    expect(host().querySelector('[role="alert"]')?.textContent).toContain(
      'Verifikasi anti-robot tidak dapat dimuat.',
    );
  });
});

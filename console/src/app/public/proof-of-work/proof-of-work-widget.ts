import {
  CUSTOM_ELEMENTS_SCHEMA,
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  InjectionToken,
  ViewEncapsulation,
  inject,
  signal,
  viewChild,
} from '@angular/core';

/** Where the API hands out ALTCHA challenges (same origin; `GET`, never cached). */
export const challengeUrl = '/public/challenge';

/** Loads and defines `<altcha-widget>`; replaced in unit tests, which run without workers. */
export const ALTCHA_LOADER = new InjectionToken<() => Promise<void>>('ALTCHA_LOADER', {
  providedIn: 'root',
  factory: () => () => import('./altcha-loader').then((module) => module.defineAltchaWidget()),
});

/** The widget's methods this wrapper uses; present once the element is defined. */
interface AltchaWidgetMethods {
  reset?: () => void;
}

/** What the widget's `statechange` event carries. */
interface AltchaStateDetail {
  readonly state?: string;
  readonly payload?: string | null;
}

/**
 * The self-hosted ALTCHA check ("Saya bukan robot") of the public pages: the browser solves a
 * small proof-of-work puzzle from the API, which makes each Cek NIK or registration cost a
 * scanner real computing time while a person only ticks a box. No third party is involved.
 *
 * The solved puzzle (`payload`) is spent by the server on first use, so a page calls `reset()`
 * after every request it sent with it. A page that needs no proof of work does not render this
 * component at all and sends null.
 */
@Component({
  selector: 'app-proof-of-work',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  templateUrl: './proof-of-work-widget.html',
  styleUrl: './proof-of-work-widget.scss',
  // The widget draws into the light DOM: these rules must reach elements Angular did not create.
  encapsulation: ViewEncapsulation.None,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProofOfWorkWidget {
  private readonly element =
    viewChild.required<ElementRef<HTMLElement & AltchaWidgetMethods>>('widget');
  private readonly solved = signal<string | null>(null);

  protected readonly challengeUrl = challengeUrl;

  /** Whether the widget's code could not be loaded (offline, or a stale deployment). */
  protected readonly hasLoadFailed = signal(false);

  /** The solution to send as `proofOfWork`, or null while the box is not (or no longer) ticked. */
  readonly payload = this.solved.asReadonly();

  constructor() {
    inject(ALTCHA_LOADER)().catch(() => this.hasLoadFailed.set(true));
  }

  /** Unticks the box after its solution was used (or refused), so the next request gets a new one. */
  reset(): void {
    this.solved.set(null);
    this.element().nativeElement.reset?.();
  }

  protected onStateChange(event: Event): void {
    const detail = (event as CustomEvent<AltchaStateDetail | undefined>).detail;
    const payload = detail?.state === 'verified' ? detail.payload : null;

    this.solved.set(typeof payload === 'string' && payload !== '' ? payload : null);
  }
}

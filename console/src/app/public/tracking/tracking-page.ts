import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { DatePipe } from '@angular/common';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import {
  formatReceiptCode,
  parseReceiptCode,
  REGISTRATION_REJECTION_REASONS,
  REGISTRATION_STAGES,
  type RegistrationStage,
} from '@kaliber/schema';
import { Apollo } from 'apollo-angular';

import {
  issueMessage,
  issueValidator,
  nikIssue,
  receiptCodeIssue,
  setServerIssue,
} from '../../forms/issue-validator';
import { type ApiFailure, toApiFailure } from '../../graphql/api-failure';
import {
  RegistrationStatusDocument,
  type RegistrationStatusQuery,
} from '../../graphql/generated/graphql';
import { ProofOfWorkWidget } from '../proof-of-work/proof-of-work-widget';
import { PublicServiceSettingsStore } from '../proof-of-work/public-service-settings-store';
import { proofOfWorkMissingText, publicFailureText } from '../proof-of-work/public-request-failure';
import { stageSteps, type StageStep } from './stage-steps';

type RegistrationStatus = RegistrationStatusQuery['registrationStatus'];

type TrackingState =
  | { readonly status: 'idle' }
  | { readonly status: 'checking' }
  | { readonly status: 'answered'; readonly registration: RegistrationStatus }
  | { readonly status: 'failed'; readonly text: string; readonly isNotFound: boolean };

/** What the receipt page hands over when it links here: the code, never in the address bar. */
export interface TrackingNavigationState {
  readonly receiptCode?: string;
}

/**
 * Lacak: a citizen follows a registration with the receipt code and the NIK together (the
 * pair is the credential; neither alone finds anything). The answer is the stage and, for a
 * refusal, the reason; no personal data (DESIGN §4.2).
 */
@Component({
  selector: 'app-tracking-page',
  imports: [
    DatePipe,
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    ProofOfWorkWidget,
  ],
  templateUrl: './tracking-page.html',
  styleUrl: './tracking-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TrackingPage {
  private readonly apollo = inject(Apollo);
  private readonly destroyRef = inject(DestroyRef);
  private readonly settings = inject(PublicServiceSettingsStore);
  private readonly proofOfWork = viewChild(ProofOfWorkWidget);

  protected readonly form = inject(NonNullableFormBuilder).group({
    receiptCode: ['', issueValidator(receiptCodeIssue)],
    nik: ['', issueValidator(nikIssue)],
  });

  protected readonly state = signal<TrackingState>({ status: 'idle' });

  /** Set when the server asked for a proof of work the settings did not announce. */
  private readonly isChallengeDemanded = signal(false);

  protected readonly isProofOfWorkShown = computed(
    () => this.settings.isProofOfWorkRequired() || this.isChallengeDemanded(),
  );

  protected readonly isChecking = computed(() => this.state().status === 'checking');

  protected readonly registration = computed(() => {
    const state = this.state();

    return state.status === 'answered' ? state.registration : null;
  });

  protected readonly steps = computed((): readonly StageStep[] => {
    const registration = this.registration();

    return registration ? stageSteps(registration.stage) : [];
  });

  protected readonly failure = computed(() => {
    const state = this.state();

    return state.status === 'failed' ? state : null;
  });

  constructor() {
    this.settings.ensureLoaded();

    const handedOver = inject(Router).currentNavigation()?.extras.state as
      TrackingNavigationState | undefined;
    const handedCode = parseReceiptCode(handedOver?.receiptCode ?? '');
    if (handedCode.ok) {
      this.form.controls.receiptCode.setValue(formatReceiptCode(handedCode.value));
    }
  }

  protected fieldMessage(field: 'receiptCode' | 'nik'): string | null {
    return issueMessage(this.form.controls[field]);
  }

  /** The code in the three groups of the printed receipt, easier to compare with it. */
  protected formattedCode(registration: RegistrationStatus): string {
    const parsed = parseReceiptCode(registration.receiptCode);

    return parsed.ok ? formatReceiptCode(parsed.value) : registration.receiptCode;
  }

  protected stageLabel(stage: RegistrationStage): string {
    return REGISTRATION_STAGES[stage].label;
  }

  protected stageExplanation(stage: RegistrationStage): string {
    return REGISTRATION_STAGES[stage].explanation;
  }

  protected reasonLabel(registration: RegistrationStatus): string | null {
    return registration.rejectionReason === null
      ? null
      : REGISTRATION_REJECTION_REASONS[registration.rejectionReason];
  }

  protected track(): void {
    if (this.isChecking()) {
      return;
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const proofOfWork = this.proofOfWork()?.payload() ?? null;
    if (this.isProofOfWorkShown() && proofOfWork === null) {
      this.state.set({ status: 'failed', text: proofOfWorkMissingText, isNotFound: false });
      return;
    }

    const { receiptCode, nik } = this.form.getRawValue();
    this.state.set({ status: 'checking' });
    this.apollo
      .query({
        query: RegistrationStatusDocument,
        variables: { receiptCode, nik, proofOfWork },
        fetchPolicy: 'no-cache',
      })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (answer) => {
          this.proofOfWork()?.reset();
          if (answer.data) {
            this.state.set({ status: 'answered', registration: answer.data.registrationStatus });
          } else {
            this.showFailure(toApiFailure(null));
          }
        },
        error: (error: unknown) => {
          this.proofOfWork()?.reset();
          this.showFailure(toApiFailure(error));
        },
      });
  }

  private showFailure(failure: ApiFailure): void {
    if (failure.code === 'PROOF_OF_WORK_FAILED') {
      this.isChallengeDemanded.set(true);
    }
    if (failure.code === 'BAD_USER_INPUT' && failure.issues.length > 0) {
      for (const issue of failure.issues) {
        if (issue.field === 'receiptCode' || issue.field === 'nik') {
          setServerIssue(this.form.controls[issue.field], issue.message);
        }
      }
      this.state.set({ status: 'idle' });
      return;
    }

    this.state.set({
      status: 'failed',
      text: publicFailureText(failure),
      isNotFound: failure.code === 'NOT_FOUND',
    });
  }
}

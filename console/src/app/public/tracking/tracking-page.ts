import { ChangeDetectionStrategy, Component, computed, inject, viewChild } from '@angular/core';
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

import {
  issueMessage,
  issueValidator,
  nikIssue,
  receiptCodeIssue,
} from '../../forms/issue-validator';
import {
  RegistrationStatusDocument,
  type RegistrationStatusQuery,
} from '../../graphql/generated/graphql';
import { ProofOfWorkWidget } from '../proof-of-work/proof-of-work-widget';
import { publicLookup } from '../proof-of-work/public-lookup';
import { stageSteps, type StageStep } from './stage-steps';

type RegistrationStatus = RegistrationStatusQuery['registrationStatus'];

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
  private readonly proofOfWork = viewChild(ProofOfWorkWidget);

  protected readonly form = inject(NonNullableFormBuilder).group({
    receiptCode: ['', issueValidator(receiptCodeIssue)],
    nik: ['', issueValidator(nikIssue)],
  });

  protected readonly lookup = publicLookup({
    form: this.form,
    proofOfWork: this.proofOfWork,
    query: RegistrationStatusDocument,
    variables: (proofOfWork) => ({ ...this.form.getRawValue(), proofOfWork }),
    answer: (data) => data.registrationStatus,
  });

  protected readonly steps = computed((): readonly StageStep[] => {
    const registration = this.lookup.answer();

    return registration ? stageSteps(registration.stage) : [];
  });

  /** Whether no registration matched the pair: the page then says what to check. */
  protected readonly isNotFound = computed(() => this.lookup.failure()?.code === 'NOT_FOUND');

  constructor() {
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
}

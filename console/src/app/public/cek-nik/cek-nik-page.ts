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
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { Apollo } from 'apollo-angular';

import { DeploymentStore } from '../../deployment/deployment-store';
import {
  issueMessage,
  issueValidator,
  nikIssue,
  setServerIssue,
} from '../../forms/issue-validator';
import { type ApiFailure, toApiFailure } from '../../graphql/api-failure';
import { CekNikDocument, type CekNikQuery } from '../../graphql/generated/graphql';
import { ProofOfWorkWidget } from '../proof-of-work/proof-of-work-widget';
import { PublicServiceSettingsStore } from '../proof-of-work/public-service-settings-store';
import { proofOfWorkMissingText, publicFailureText } from '../proof-of-work/public-request-failure';

export type CekNikResult = CekNikQuery['cekNik'];

type CekNikState =
  | { readonly status: 'idle' }
  | { readonly status: 'checking' }
  | { readonly status: 'answered'; readonly result: CekNikResult }
  | { readonly status: 'failed'; readonly text: string };

/** The sentence that says where a registered NIK is listed: kelurahan when given, else the kota. */
export function registeredText(result: CekNikResult, placeName: string | null): string {
  const place = placeName ?? 'wilayah KPU ini';
  const where = result.kelurahan === null ? place : `Kelurahan ${result.kelurahan}, ${place}`;

  return `NIK ${result.nikMasked} terdaftar sebagai pemilih di ${where}.`;
}

/** The sentence for an NIK that is not on this office's list. */
export function notRegisteredText(result: CekNikResult, placeName: string | null): string {
  const place = placeName ?? 'wilayah KPU ini';

  return `NIK ${result.nikMasked} tidak ditemukan dalam daftar pemilih ${place}.`;
}

/**
 * Cek NIK: a citizen types an NIK and learns, in plain words, whether it is on the voter list.
 * The answer carries the NIK masked and nothing else about the person (DESIGN §4.1). The NIK
 * travels only in the POST body of the query, never in the address bar, and the answer is not
 * kept in the client cache.
 */
@Component({
  selector: 'app-cek-nik-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    ProofOfWorkWidget,
  ],
  templateUrl: './cek-nik-page.html',
  styleUrl: './cek-nik-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CekNikPage {
  private readonly apollo = inject(Apollo);
  private readonly destroyRef = inject(DestroyRef);
  private readonly settings = inject(PublicServiceSettingsStore);
  private readonly proofOfWork = viewChild(ProofOfWorkWidget);

  protected readonly placeName = inject(DeploymentStore).placeName;

  protected readonly form = inject(NonNullableFormBuilder).group({
    nik: ['', issueValidator(nikIssue)],
  });

  protected readonly state = signal<CekNikState>({ status: 'idle' });

  /** Set when the server asked for a proof of work the settings did not announce. */
  private readonly isChallengeDemanded = signal(false);

  protected readonly isProofOfWorkShown = computed(
    () => this.settings.isProofOfWorkRequired() || this.isChallengeDemanded(),
  );

  protected readonly isChecking = computed(() => this.state().status === 'checking');

  protected readonly result = computed(() => {
    const state = this.state();

    return state.status === 'answered' ? state.result : null;
  });

  protected readonly failureText = computed(() => {
    const state = this.state();

    return state.status === 'failed' ? state.text : null;
  });

  constructor() {
    this.settings.ensureLoaded();
  }

  protected nikMessage(): string | null {
    return issueMessage(this.form.controls.nik);
  }

  protected registeredText(result: CekNikResult): string {
    return registeredText(result, this.placeName());
  }

  protected notRegisteredText(result: CekNikResult): string {
    return notRegisteredText(result, this.placeName());
  }

  protected check(): void {
    if (this.isChecking()) {
      return;
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const proofOfWork = this.proofOfWork()?.payload() ?? null;
    if (this.isProofOfWorkShown() && proofOfWork === null) {
      this.state.set({ status: 'failed', text: proofOfWorkMissingText });
      return;
    }

    this.state.set({ status: 'checking' });
    this.apollo
      .query({
        query: CekNikDocument,
        variables: { nik: this.form.controls.nik.value, proofOfWork },
        // Every check must reach the server (limits, lookup log); nothing is kept in the page.
        fetchPolicy: 'no-cache',
      })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (answer) => {
          this.proofOfWork()?.reset();
          this.state.set(
            answer.data
              ? { status: 'answered', result: answer.data.cekNik }
              : { status: 'failed', text: publicFailureText(toApiFailure(null)) },
          );
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
    const nikIssue = failure.issues.find((issue) => issue.field === 'nik');
    if (failure.code === 'BAD_USER_INPUT' && nikIssue) {
      setServerIssue(this.form.controls.nik, nikIssue.message);
      this.state.set({ status: 'idle' });
      return;
    }

    this.state.set({ status: 'failed', text: publicFailureText(failure) });
  }
}

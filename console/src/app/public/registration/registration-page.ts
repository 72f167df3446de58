import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import {
  checkRegistrationForm,
  DOCUMENT_KIND_DETAILS,
  DOCUMENT_KINDS,
  type DocumentKind,
  type RegionCatalogue,
  todayUtc,
} from '@kaliber/schema';
import { Apollo } from 'apollo-angular';

import { DeploymentStore } from '../../deployment/deployment-store';
import { type ApiFailure } from '../../graphql/api-failure';
import { RegionTreeDocument, type RegionTreeQuery } from '../../graphql/generated/graphql';
import { ProofOfWorkWidget } from '../proof-of-work/proof-of-work-widget';
import { PublicServiceSettingsStore } from '../proof-of-work/public-service-settings-store';
import { proofOfWorkMissingText, publicFailureText } from '../proof-of-work/public-request-failure';
import { DocumentPicker } from './document-picker';
import {
  catalogueFromTree,
  codedFieldOptions,
  registrationContext,
  type RegistrationFormValues,
  submissionIssuesOf,
  toRegistrationFormInput,
  toRegistrationInput,
} from './registration-form-model';
import { RegistrationIssues } from './registration-issues';
import { RegistrationReceiptCard } from './registration-receipt';
import { type RegistrationReceipt, RegistrationUploader } from './registration-uploader';

type KecamatanOption = RegionTreeQuery['kabKota']['children'][number];

type RegionsState =
  | { readonly status: 'loading' }
  | { readonly status: 'failed' }
  | {
      readonly status: 'loaded';
      readonly kecamatan: readonly KecamatanOption[];
      readonly catalogue: RegionCatalogue;
    };

type SubmissionState =
  | { readonly status: 'editing' }
  /** Bytes going out; `fraction` reaches 1 when all are sent and the server is checking. */
  | { readonly status: 'sending'; readonly fraction: number }
  | { readonly status: 'failed'; readonly text: string }
  | { readonly status: 'received'; readonly receipt: RegistrationReceipt };

const keptValuesNote = 'Isian Anda tetap tersimpan di halaman ini.';

/**
 * Registration of a new voter (DESIGN §4.2): the elements of the list, the kelurahan of the
 * KK address, optional contact, consent, the eligibility declaration and photos or scans of the
 * KTP-el and KK. Every field is checked as it is typed with checkRegistrationForm, the rule the
 * API applies on submit, so both say the same sentence; a field's problem shows once the field
 * was visited or a submission was tried. A failed submission keeps everything typed and picked.
 */
@Component({
  selector: 'app-registration-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    DocumentPicker,
    ProofOfWorkWidget,
    RegistrationReceiptCard,
  ],
  templateUrl: './registration-page.html',
  styleUrl: './registration-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RegistrationPage {
  private readonly apollo = inject(Apollo);
  private readonly uploader = inject(RegistrationUploader);
  private readonly settings = inject(PublicServiceSettingsStore);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly proofOfWork = viewChild(ProofOfWorkWidget);

  protected readonly officeName = inject(DeploymentStore).officeName;
  protected readonly placeName = inject(DeploymentStore).placeName;

  protected readonly form = inject(NonNullableFormBuilder).group({
    nik: [''],
    nkk: [''],
    name: [''],
    birthPlace: [''],
    birthDate: [''],
    maritalStatus: [''],
    sex: [''],
    address: [''],
    rt: [''],
    rw: [''],
    disability: [''],
    ktpElStatus: [''],
    kecamatanCode: [''],
    kelurahanCode: [{ value: '', disabled: true }],
    phone: [''],
    email: [''],
    consent: [false],
    declaresEligibility: [false],
  });

  protected readonly options = codedFieldOptions;
  protected readonly documentKinds = DOCUMENT_KINDS;

  /** Today in UTC, as the server judges dates; the latest birth date the form accepts. */
  protected readonly today = todayUtc();

  protected readonly regions = signal<RegionsState>({ status: 'loading' });
  protected readonly submission = signal<SubmissionState>({ status: 'editing' });

  /** The controls' values, as a signal for the live check. */
  private readonly values = signal<RegistrationFormValues>(this.form.getRawValue());

  protected readonly files = signal<Readonly<Record<DocumentKind, File | null>>>({
    KTP: null,
    KK: null,
  });

  /** Documents whose chooser was opened at least once. */
  private readonly visitedDocuments = signal<ReadonlySet<DocumentKind>>(new Set());

  protected readonly isSubmitAttempted = signal(false);

  /** Set when the server asked for a proof of work the settings did not announce. */
  private readonly isChallengeDemanded = signal(false);

  protected readonly isProofOfWorkShown = computed(
    () => this.settings.isProofOfWorkRequired() || this.isChallengeDemanded(),
  );

  protected readonly kecamatanOptions = computed(() => {
    const regions = this.regions();

    return regions.status === 'loaded' ? regions.kecamatan : [];
  });

  protected readonly kelurahanOptions = computed(() => {
    const code = this.values().kecamatanCode;

    return this.kecamatanOptions().find((kecamatan) => kecamatan.code === code)?.children ?? [];
  });

  /** The live check of the whole form; null until the kelurahan list has arrived. */
  private readonly check = computed(() => {
    const regions = this.regions();
    if (regions.status !== 'loaded') {
      return null;
    }

    const context = registrationContext(regions.catalogue, this.today, this.settings.pollingDate());

    return checkRegistrationForm(toRegistrationFormInput(this.values()), context);
  });

  protected readonly issues = new RegistrationIssues(this.check, this.values, this.files);

  protected readonly isSending = computed(() => this.submission().status === 'sending');

  /**
   * While sending: the share of bytes sent, in whole percent from 1 (so that the template can
   * test it), and 100 once the server has everything and is checking it; null otherwise.
   */
  protected readonly uploadPercent = computed(() => {
    const submission = this.submission();

    return submission.status === 'sending'
      ? Math.max(1, Math.floor(submission.fraction * 100))
      : null;
  });

  protected readonly receipt = computed(() => {
    const submission = this.submission();

    return submission.status === 'received' ? submission.receipt : null;
  });

  protected readonly failureText = computed(() => {
    const submission = this.submission();

    return submission.status === 'failed' ? submission.text : null;
  });

  constructor() {
    this.settings.ensureLoaded();
    this.loadRegions();

    const { kecamatanCode, kelurahanCode } = this.form.controls;
    kecamatanCode.valueChanges.pipe(takeUntilDestroyed()).subscribe((code) => {
      // A kelurahan of another kecamatan would be sent unseen: pick again.
      if (code === '') {
        kelurahanCode.setValue('');
        kelurahanCode.disable();
        return;
      }
      kelurahanCode.enable();
      if (!kelurahanCode.value.startsWith(`${code}.`)) {
        kelurahanCode.setValue('');
      }
    });
    this.form.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => {
      const values = this.form.getRawValue();
      this.issues.forgetChanged(this.values(), values);
      this.values.set(values);
    });
  }

  /** Whether a checkbox's problem is shown: once it was visited or a submission was tried. */
  protected isCheckboxIssueShown(field: 'consent' | 'declaresEligibility'): boolean {
    return (
      (this.form.controls[field].touched || this.isSubmitAttempted()) &&
      this.issues.message(field) !== null
    );
  }

  protected isDocumentIssueShown(kind: DocumentKind): boolean {
    return (
      this.isSubmitAttempted() || this.visitedDocuments().has(kind) || this.files()[kind] !== null
    );
  }

  protected onDocumentPicked(kind: DocumentKind, file: File | null): void {
    this.files.update((files) => ({ ...files, [kind]: file }));
    this.issues.forget(DOCUMENT_KIND_DETAILS[kind].field);
  }

  protected onDocumentVisited(kind: DocumentKind): void {
    this.visitedDocuments.update((visited) => new Set([...visited, kind]));
  }

  protected retryRegions(): void {
    this.loadRegions();
  }

  protected submit(): void {
    if (this.isSending()) {
      return;
    }
    this.isSubmitAttempted.set(true);
    this.form.markAllAsTouched();

    const check = this.check();
    const { KTP: ktp, KK: kk } = this.files();
    if (check === null) {
      return;
    }
    const problemCount = this.issues.count();
    if (problemCount > 0 || ktp === null || kk === null) {
      this.submission.set({
        status: 'failed',
        text: `Ada ${problemCount} isian yang perlu diperbaiki; keterangannya tertulis merah di bawah isian tersebut.`,
      });
      this.focusFirstProblem();
      return;
    }
    const proofOfWork = this.proofOfWork()?.payload() ?? null;
    if (this.isProofOfWorkShown() && proofOfWork === null) {
      this.submission.set({ status: 'failed', text: proofOfWorkMissingText });
      return;
    }

    this.submission.set({ status: 'sending', fraction: 0 });
    this.uploader
      .submit({ input: toRegistrationInput(check.normalized), proofOfWork }, { ktp, kk })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (event) => {
          if (event.type === 'progress') {
            this.submission.set({ status: 'sending', fraction: event.fraction });
          } else {
            this.submission.set({ status: 'received', receipt: event.receipt });
            this.focusReceipt();
          }
        },
        error: (failure: ApiFailure) => {
          this.proofOfWork()?.reset();
          this.showFailure(failure);
        },
      });
  }

  private showFailure(failure: ApiFailure): void {
    if (failure.code === 'PROOF_OF_WORK_FAILED') {
      this.isChallengeDemanded.set(true);
    }
    const issues = submissionIssuesOf(failure);
    this.issues.setServerIssues(issues);

    const text =
      failure.code === 'BAD_USER_INPUT' && issues.size > 0
        ? `${failure.message}: keterangannya tertulis merah di bawah isian yang ditandai.`
        : publicFailureText(failure);
    this.submission.set({ status: 'failed', text: `${text} ${keptValuesNote}` });
    if (issues.size > 0) {
      this.focusFirstProblem();
    }
  }

  private loadRegions(): void {
    this.regions.set({ status: 'loading' });

    this.apollo
      .query({ query: RegionTreeDocument })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (result) => {
          const kabKota = result.data?.kabKota;
          try {
            this.regions.set(
              kabKota
                ? {
                    status: 'loaded',
                    kecamatan: kabKota.children,
                    catalogue: catalogueFromTree(kabKota),
                  }
                : { status: 'failed' },
            );
          } catch {
            // An inconsistent tree (a bug on the server) must not leave a form that checks
            // against nothing; the visitor sees the same failure as for no answer.
            this.regions.set({ status: 'failed' });
          }
        },
        error: () => this.regions.set({ status: 'failed' }),
      });
  }

  /** Moves focus to the first field marked with a problem, so a keyboard or screen reader is there. */
  private focusFirstProblem(): void {
    afterNextRender(
      () => {
        const host = this.host.nativeElement;
        const field = host.querySelector<HTMLElement>(
          '.mat-form-field-invalid input, .mat-form-field-invalid textarea, ' +
            '.mat-form-field-invalid mat-select, .has-issue button, .checkbox-field.has-issue input',
        );
        field?.focus();
      },
      { injector: this.injector },
    );
  }

  private focusReceipt(): void {
    afterNextRender(
      () => {
        // Focus also scrolls the receipt's heading into view.
        this.host.nativeElement.querySelector<HTMLElement>('.registration-receipt h1')?.focus();
      },
      { injector: this.injector },
    );
  }
}

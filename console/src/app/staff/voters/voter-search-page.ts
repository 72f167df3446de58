import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorIntl, MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import {
  isVoterStatus,
  parseNik,
  PERSONAL_DATA_POLICY,
  VOTER_STATUS_LABELS,
} from '@kaliber/schema';
import { Apollo } from 'apollo-angular';
import { type Subscription } from 'rxjs';

import { AuthStore } from '../../auth/auth-store';
import { type ApiFailure, toApiFailure } from '../../graphql/api-failure';
import {
  RegionTreeDocument,
  SearchVotersDocument,
  type SearchVotersQuery,
  type VoterSearchInput,
} from '../../graphql/generated/graphql';
import { IndonesianPaginatorIntl } from '../shared/paginator-intl';
import { scopeLabel } from '../shared/role-labels';
import { type KecamatanOption, kelurahanInScope } from './scope-regions';

type VoterRow = SearchVotersQuery['searchVoters']['items'][number];

type SearchState =
  | { readonly status: 'idle' }
  | { readonly status: 'searching' }
  | {
      readonly status: 'loaded';
      readonly items: readonly VoterRow[];
      readonly total: number;
    }
  | { readonly status: 'failed'; readonly failure: ApiFailure };

/** Shown in place of a personal field the viewer's role may not see. */
export const hiddenValue = '—';

const defaultPageSize = 25;

/**
 * Voter search for staff: a kelurahan of the viewer's area (optionally a name prefix), or one
 * NIK. The server decides which personal fields each role sees; this page shows what arrives.
 */
@Component({
  selector: 'app-voter-search-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
  ],
  templateUrl: './voter-search-page.html',
  styleUrl: './voter-search-page.scss',
  providers: [{ provide: MatPaginatorIntl, useClass: IndonesianPaginatorIntl }],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VoterSearchPage {
  private readonly apollo = inject(Apollo);
  private readonly auth = inject(AuthStore);
  private readonly destroyRef = inject(DestroyRef);
  private request: Subscription | undefined;

  protected readonly columns = ['nik', 'name', 'sex', 'rtRw', 'tps', 'status', 'kelurahan'];
  protected readonly hiddenValue = hiddenValue;

  protected readonly form = inject(NonNullableFormBuilder).group({
    kelurahanCode: [''],
    name: [''],
    nik: [''],
  });

  /** The kecamatan and kelurahan the viewer may search; null until the region tree is in. */
  private readonly kecamatan = signal<readonly KecamatanOption[] | null>(null);
  protected readonly regionFailure = signal<ApiFailure | null>(null);

  protected readonly kelurahanGroups = computed(() =>
    kelurahanInScope(this.kecamatan() ?? [], this.auth.account()?.scopeCode),
  );

  protected readonly scopeText = computed(() => scopeLabel(this.auth.account()?.scope));

  /**
   * Whether the role sees names in full and so may filter by them: typing a masked name's
   * prefix letter by letter would spell it out, so the API refuses that to the others.
   */
  protected readonly canSearchByName = computed(() => {
    const role = this.auth.role();
    return role !== null && role !== undefined && PERSONAL_DATA_POLICY[role].name === 'full';
  });

  /** A problem with the form itself, found before asking the server. */
  protected readonly formProblem = signal<string | null>(null);

  protected readonly state = signal<SearchState>({ status: 'idle' });
  private readonly filter = signal<VoterSearchInput | null>(null);
  protected readonly pageIndex = signal(0);
  protected readonly pageSize = signal(defaultPageSize);

  protected readonly loaded = computed(() => {
    const state = this.state();

    return state.status === 'loaded' ? state : null;
  });

  protected readonly searchFailure = computed(() => {
    const state = this.state();

    return state.status === 'failed' ? state.failure : null;
  });

  constructor() {
    this.apollo
      .query({ query: RegionTreeDocument })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (result) => {
          const kecamatan = result.data?.kabKota.children ?? [];
          this.kecamatan.set(kecamatan);
          this.preselectOnlyKelurahan();
        },
        error: (error: unknown) => this.regionFailure.set(toApiFailure(error)),
      });
  }

  protected search(): void {
    const filter = this.readFilter();
    if (filter === null) {
      return;
    }

    this.filter.set(filter);
    this.pageIndex.set(0);
    this.load();
  }

  protected onPage(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
    this.pageSize.set(event.pageSize);
    this.load();
  }

  /** A field as shown: the value the role may see (or that is assigned yet), or a dash. */
  protected shown(value: string | number | null | undefined): string {
    return value === null || value === undefined || value === '' ? hiddenValue : String(value);
  }

  protected statusLabel(status: string): string {
    return isVoterStatus(status) ? VOTER_STATUS_LABELS[status] : status;
  }

  /** The filter to send, or null (with the reason shown) when the form cannot be searched. */
  private readFilter(): VoterSearchInput | null {
    const { kelurahanCode, name, nik } = this.form.getRawValue();
    this.formProblem.set(null);

    // An NIK names one person: kelurahan and name would only hide someone who moved.
    if (nik.trim() !== '') {
      const parsed = parseNik(nik);
      if (!parsed.ok) {
        this.formProblem.set(parsed.error.message);
        return null;
      }

      return { nik: parsed.value.nik };
    }
    if (kelurahanCode === '') {
      this.formProblem.set('Pilih kelurahan, atau isi NIK.');
      return null;
    }

    const namePrefix = this.canSearchByName() ? name.trim() : '';

    return namePrefix === '' ? { kelurahanCode } : { kelurahanCode, name: namePrefix };
  }

  private load(): void {
    const filter = this.filter();
    if (filter === null) {
      return;
    }
    this.request?.unsubscribe();
    this.state.set({ status: 'searching' });

    this.request = this.apollo
      .query({
        query: SearchVotersDocument,
        variables: {
          filter,
          offset: this.pageIndex() * this.pageSize(),
          limit: this.pageSize(),
        },
        // Personal data is not kept in the client cache, not even for the back button.
        fetchPolicy: 'no-cache',
        // A personal field the role may not see arrives as null with its own FORBIDDEN error;
        // the rest of the page is still good. Only a missing page is a failure.
        errorPolicy: 'all',
      })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (result) => {
          const page = result.data?.searchVoters;
          this.state.set(
            page
              ? { status: 'loaded', items: page.items, total: page.total }
              : { status: 'failed', failure: toApiFailure(result.error) },
          );
        },
        error: (error: unknown) =>
          this.state.set({ status: 'failed', failure: toApiFailure(error) }),
      });
  }

  /** A PPS operator has exactly one kelurahan: it is chosen already. */
  private preselectOnlyKelurahan(): void {
    const groups = this.kelurahanGroups();
    const [only] = groups;
    if (groups.length === 1 && only?.children.length === 1 && only.children[0]) {
      this.form.controls.kelurahanCode.setValue(only.children[0].code);
    }
  }
}

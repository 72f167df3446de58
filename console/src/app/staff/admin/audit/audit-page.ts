import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatPaginatorIntl, MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { Apollo } from 'apollo-angular';
import { type Subscription } from 'rxjs';

import { failureOf, type QueryState, runQueryInto } from '../../../graphql/query-state';
import {
  type AuditEntriesQuery,
  AuditEntriesDocument,
  type AuditEventKindsQuery,
  AuditEventKindsDocument,
  type AuditOutcome,
} from '../../../graphql/generated/graphql';
import { IndonesianPaginatorIntl } from '../../shared/paginator-intl';
import { ROLE_LABELS, ROLES } from '../../shared/role-labels';

type AuditPageData = AuditEntriesQuery['auditEntries'];

export const OUTCOME_LABELS: Readonly<Record<AuditOutcome, string>> = {
  SUCCESS: 'Berhasil',
  FAILURE: 'Gagal',
  DENIED: 'Ditolak',
};

/** What the audit log's target types are called; an unknown type is shown as it is. */
const TARGET_TYPE_LABELS: Readonly<Record<string, string>> = {
  account: 'Akun',
  session: 'Sesi',
  'api-token': 'Token API',
  voter: 'Pemilih',
};

const defaultPageSize = 50;

/** ADMIN: the audit log, newest first, filtered by kind of action, a page at a time. */
@Component({
  selector: 'app-audit-page',
  imports: [
    DatePipe,
    MatButtonModule,
    MatFormFieldModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
  ],
  templateUrl: './audit-page.html',
  styleUrl: './audit-page.scss',
  providers: [{ provide: MatPaginatorIntl, useClass: IndonesianPaginatorIntl }],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditPage {
  private readonly apollo = inject(Apollo);
  private readonly destroyRef = inject(DestroyRef);
  private request: Subscription | undefined;

  protected readonly columns = ['occurredAt', 'actor', 'action', 'target', 'outcome'];

  protected readonly kinds = signal<AuditEventKindsQuery['auditEventKinds']>([]);
  /** The action filtered on; '' = every action. */
  protected readonly action = signal('');
  protected readonly pageIndex = signal(0);
  protected readonly pageSize = signal(defaultPageSize);
  protected readonly state = signal<QueryState<AuditPageData>>({ status: 'loading' });

  protected readonly page = computed(() => {
    const state = this.state();
    if (state.status !== 'loaded') {
      return null;
    }

    return {
      total: state.value.total,
      rows: state.value.items.map((entry) => ({
        entry,
        roleLabel: roleLabel(entry.actorRole),
        targetLabel: entry.targetType
          ? (TARGET_TYPE_LABELS[entry.targetType] ?? entry.targetType)
          : null,
        outcomeLabel: OUTCOME_LABELS[entry.outcome],
      })),
    };
  });

  protected readonly failure = computed(() => {
    return failureOf(this.state());
  });

  constructor() {
    this.apollo
      .query({ query: AuditEventKindsDocument })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (result) => this.kinds.set(result.data?.auditEventKinds ?? []),
        // The log itself still loads; only the filter stays empty.
        error: () => undefined,
      });
    this.load();
  }

  protected onAction(action: string): void {
    this.action.set(action);
    this.pageIndex.set(0);
    this.load();
  }

  protected onPage(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
    this.pageSize.set(event.pageSize);
    this.load();
  }

  protected load(): void {
    this.request?.unsubscribe();
    this.state.set({ status: 'loading' });
    const action = this.action();

    this.request = runQueryInto(
      this.apollo.query({
        query: AuditEntriesDocument,
        variables: {
          filter: action === '' ? null : { action },
          offset: this.pageIndex() * this.pageSize(),
          limit: this.pageSize(),
        },
        fetchPolicy: 'network-only',
      }),
      (data) => data.auditEntries,
      this.state,
      this.destroyRef,
    );
  }
}

/** The actor's role in words; the log keeps the role as it was at the time, as a string. */
function roleLabel(role: string | null | undefined): string {
  const known = ROLES.find((candidate) => candidate === role);

  return known ? ROLE_LABELS[known] : (role ?? '');
}

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
import { MatExpansionModule } from '@angular/material/expansion';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { normalizeRegionName } from '@kaliber/schema';
import { Apollo } from 'apollo-angular';
import { type Subscription } from 'rxjs';

import { RegionTreeDocument, type RegionTreeQuery } from '../../graphql/generated/graphql';
import { filterKecamatan } from './region-filter';

/** Where the region page is in fetching the tree: the template shows one branch per status. */
type RegionTreeState =
  | { readonly status: 'loading' }
  | { readonly status: 'failed' }
  | { readonly status: 'loaded'; readonly kabKota: RegionTreeQuery['kabKota'] };

/** Public page listing the kab/kota's kecamatan and, on demand, each one's kelurahan. */
@Component({
  selector: 'app-region-page',
  imports: [
    MatButtonModule,
    MatExpansionModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
  ],
  templateUrl: './region-page.html',
  styleUrl: './region-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RegionPage {
  private readonly apollo = inject(Apollo);
  private readonly destroyRef = inject(DestroyRef);
  private request: Subscription | undefined;

  protected readonly state = signal<RegionTreeState>({ status: 'loading' });

  /** What the visitor typed into the filter box, as typed. */
  protected readonly query = signal('');

  /** The kab/kota with its tree once loaded, otherwise null. */
  protected readonly kabKota = computed(() => {
    const state = this.state();

    return state.status === 'loaded' ? state.kabKota : null;
  });

  protected readonly hasFailed = computed(() => this.state().status === 'failed');

  /** Whether the filter holds anything that counts for matching (not just spaces or dashes). */
  protected readonly isFiltering = computed(() => normalizeRegionName(this.query()) !== '');

  protected readonly kelurahanTotal = computed(
    () =>
      this.kabKota()?.children.reduce((sum, kecamatan) => sum + kecamatan.children.length, 0) ?? 0,
  );

  protected readonly listings = computed(() =>
    filterKecamatan(this.kabKota()?.children ?? [], this.query()),
  );

  constructor() {
    this.load();
  }

  protected retry(): void {
    this.load();
  }

  protected onQueryInput(event: Event): void {
    if (event.target instanceof HTMLInputElement) {
      this.query.set(event.target.value);
    }
  }

  private load(): void {
    this.request?.unsubscribe();
    this.state.set({ status: 'loading' });

    this.request = this.apollo
      .query({ query: RegionTreeDocument })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (result) => {
          this.state.set(
            result.data ? { status: 'loaded', kabKota: result.data.kabKota } : { status: 'failed' },
          );
        },
        // Unreachable API and GraphQL errors alike: the visitor can only wait and retry.
        error: () => {
          this.state.set({ status: 'failed' });
        },
      });
  }
}

import { Injectable, computed, inject, signal } from '@angular/core';
import { Apollo } from 'apollo-angular';

import {
  PublicServiceSettingsDocument,
  type PublicServiceSettingsQuery,
} from '../../graphql/generated/graphql';

export type PublicServiceSettings = PublicServiceSettingsQuery['publicServiceSettings'];

/**
 * The deployment's settings for the public pages, asked of the API once per page load. Until
 * they arrive (or when the API cannot be reached) the pages assume no proof of work: if the
 * server wants one after all, it answers PROOF_OF_WORK_FAILED and the page shows the widget.
 */
@Injectable({ providedIn: 'root' })
export class PublicServiceSettingsStore {
  private readonly apollo = inject(Apollo);
  private readonly loaded = signal<PublicServiceSettings | null>(null);
  private isRequested = false;

  /** The settings once known, otherwise null. */
  readonly settings = this.loaded.asReadonly();

  /** Whether public requests must carry an ALTCHA proof of work, as far as is known. */
  readonly isProofOfWorkRequired = computed(() => this.loaded()?.isProofOfWorkRequired ?? false);

  /** `YYYY-MM-DD` of the next polling day, or null when the deployment has not set one. */
  readonly pollingDate = computed(() => this.loaded()?.pollingDate ?? null);

  /** Asks the API for the settings unless that was done already; safe to call from every page. */
  ensureLoaded(): void {
    if (this.isRequested) {
      return;
    }
    this.isRequested = true;

    this.apollo.query({ query: PublicServiceSettingsDocument }).subscribe({
      next: (result) => this.loaded.set(result.data?.publicServiceSettings ?? null),
      // Asked again by the next page that opens; until then the defaults above hold.
      error: () => {
        this.isRequested = false;
      },
    });
  }
}

import { Injectable, computed, inject, signal } from '@angular/core';
import { kabKotaPlaceName, kpuOfficeName } from '@kaliber/schema';
import { Apollo } from 'apollo-angular';

import { DeploymentDocument } from '../graphql/generated/graphql';

/**
 * Which kabupaten/kota this Kaliber serves, read once from the API, so that no page names
 * Jakarta Timur in its markup: the same build works for any of the 514 deployments.
 * The names stay null until the answer arrives, or when the API cannot be reached; pages then
 * fall back to generic wording.
 */
@Injectable({ providedIn: 'root' })
export class DeploymentStore {
  private readonly kabKotaName = signal<string | null>(null);

  /** "KPU Kota Jakarta Timur". */
  readonly officeName = computed(() => {
    const name = this.kabKotaName();

    return name === null ? null : kpuOfficeName(name);
  });

  /** "Kota Jakarta Timur". */
  readonly placeName = computed(() => {
    const name = this.kabKotaName();

    return name === null ? null : kabKotaPlaceName(name);
  });

  constructor() {
    inject(Apollo)
      .query({ query: DeploymentDocument })
      .subscribe({
        next: (result) => this.kabKotaName.set(result.data?.kabKota.name ?? null),
        // The region page reports an unreachable API; the shell just keeps the generic names.
        error: () => undefined,
      });
  }
}

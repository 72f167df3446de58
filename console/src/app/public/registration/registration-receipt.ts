import { Clipboard } from '@angular/cdk/clipboard';
import { DatePipe, DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  ViewEncapsulation,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { formatReceiptCode, REGISTRATION_STAGES } from '@kaliber/schema';

import { DeploymentStore } from '../../deployment/deployment-store';
import { type TrackingNavigationState } from '../tracking/tracking-page';
import { type RegistrationReceipt } from './registration-uploader';

/**
 * The receipt after a successful registration: the code large enough to copy from the screen
 * or read aloud, and ways to keep it (print or save as PDF, copy). The code and the NIK
 * together are what tracking asks for; the code alone tells nobody anything.
 */
@Component({
  selector: 'app-registration-receipt',
  imports: [DatePipe, MatButtonModule, RouterLink],
  templateUrl: './registration-receipt.html',
  styleUrl: './registration-receipt.scss',
  // The print rules must hide the shell around the page (toolbar, footer), which a component's
  // encapsulated styles cannot reach; every selector here starts with .registration-receipt.
  encapsulation: ViewEncapsulation.None,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RegistrationReceiptCard {
  private readonly clipboard = inject(Clipboard);
  private readonly window = inject(DOCUMENT).defaultView;

  readonly receipt = input.required<RegistrationReceipt>();

  protected readonly officeName = inject(DeploymentStore).officeName;

  protected readonly code = computed(() => formatReceiptCode(this.receipt().receiptCode));
  protected readonly stageLabel = computed(() => REGISTRATION_STAGES[this.receipt().stage].label);

  /** Handed to the tracking page through the router's state, so it stays out of the address. */
  protected readonly trackingState = computed((): TrackingNavigationState => ({
    receiptCode: this.receipt().receiptCode,
  }));

  protected readonly copyNotice = signal<string | null>(null);

  protected print(): void {
    this.window?.print();
  }

  protected copy(): void {
    const isCopied = this.clipboard.copy(this.code());

    this.copyNotice.set(
      isCopied
        ? 'Kode tanda terima sudah disalin.'
        : 'Kode tidak dapat disalin otomatis; catat atau cetak kode di atas.',
    );
  }
}

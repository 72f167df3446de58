import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';

export interface ConfirmDialogData {
  readonly title: string;
  readonly message: string;
  /** Label of the button that goes ahead, e.g. "Nonaktifkan". */
  readonly confirmLabel: string;
  /**
   * A word the person must type before the button works, for actions that cannot be undone
   * and affect everyone (e.g. CABUT for revoking every session).
   */
  readonly confirmWord?: string;
}

/** Asks before an action; closes with true when the person goes ahead. */
@Component({
  selector: 'app-confirm-dialog',
  imports: [MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule],
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <mat-dialog-content>
      <p>{{ data.message }}</p>
      @if (data.confirmWord; as word) {
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>Ketik {{ word }} untuk melanjutkan</mat-label>
          <input
            matInput
            autocomplete="off"
            autocapitalize="characters"
            spellcheck="false"
            [value]="typed()"
            (input)="onTyped($event)"
          />
        </mat-form-field>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="false">Batal</button>
      <button
        mat-flat-button
        type="button"
        [disabled]="!isConfirmable()"
        (click)="dialogRef.close(true)"
      >
        {{ data.confirmLabel }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    mat-form-field {
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConfirmDialog {
  protected readonly data = inject<ConfirmDialogData>(MAT_DIALOG_DATA);
  protected readonly dialogRef = inject<MatDialogRef<ConfirmDialog, boolean>>(MatDialogRef);

  protected readonly typed = signal('');

  protected readonly isConfirmable = computed(() => {
    const word = this.data.confirmWord;

    return word === undefined || this.typed().trim().toUpperCase() === word.toUpperCase();
  });

  protected onTyped(event: Event): void {
    if (event.target instanceof HTMLInputElement) {
      this.typed.set(event.target.value);
    }
  }
}

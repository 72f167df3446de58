import { type AbstractControl, type ValidationErrors, type ValidatorFn } from '@angular/forms';
import { parseNik, parseReceiptCode } from '@kaliber/schema';

/**
 * A validator from one of the shared domain rules (@kaliber/schema): `check` returns the
 * rule's Indonesian message for a bad value, or null. The message is kept under `issue`, so a
 * page shows exactly the sentence the API would answer with.
 */
export function issueValidator(check: (value: string) => string | null): ValidatorFn {
  return (control: AbstractControl): ValidationErrors | null => {
    const value: unknown = control.value;
    const message = check(typeof value === 'string' ? value : '');

    return message === null ? null : { issue: message };
  };
}

/**
 * Puts the server's message for a field on its control. It stays until the value changes,
 * when the control's own validators run again.
 */
export function setServerIssue(control: AbstractControl, message: string): void {
  control.setErrors({ ...control.errors, server: message });
  control.markAsTouched();
}

/** The message to show under a field: its own rule's first, else the server's; null if none. */
export function issueMessage(control: AbstractControl): string | null {
  const errors = control.errors ?? {};
  const message: unknown = errors['issue'] ?? errors['server'];

  return typeof message === 'string' ? message : null;
}

/** parseNik's message for a value that is no NIK, or null for one that is. */
export function nikIssue(nik: string): string | null {
  const parsed = parseNik(nik);

  return parsed.ok ? null : parsed.error.message;
}

/** parseReceiptCode's message for a value that is no receipt code, or null for one that is. */
export function receiptCodeIssue(code: string): string | null {
  const parsed = parseReceiptCode(code);

  return parsed.ok ? null : parsed.error.message;
}

import { type AbstractControl, type ValidationErrors, Validators } from '@angular/forms';

/**
 * Angular's `Validators.required` as a plain function. Passed around bare, the static method
 * trips @typescript-eslint/unbound-method; this wrapper keeps that rule on for everything else.
 */
export function required(control: AbstractControl): ValidationErrors | null {
  return Validators.required(control);
}

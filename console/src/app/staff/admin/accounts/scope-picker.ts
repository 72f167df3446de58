import {
  ChangeDetectionStrategy,
  Component,
  type OnInit,
  computed,
  input,
  model,
  signal,
} from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { parentCodeOf, regionLevelOfCode } from '@kaliber/schema';

import { type KecamatanOption } from '../../voters/scope-regions';

/** How far an operator's area reaches: the whole kab/kota, one kecamatan (PPK), one kelurahan (PPS). */
export type ScopeLevel = 'KABKOTA' | 'KECAMATAN' | 'KELURAHAN';

/**
 * The scope code a choice amounts to: null for the whole kab/kota, the kecamatan or kelurahan
 * code, or undefined while the chosen level still lacks its region.
 */
export function scopeCodeOf(
  level: ScopeLevel,
  kecamatanCode: string | null,
  kelurahanCode: string | null,
): string | null | undefined {
  switch (level) {
    case 'KABKOTA':
      return null;
    case 'KECAMATAN':
      return kecamatanCode ?? undefined;
    case 'KELURAHAN':
      return kelurahanCode ?? undefined;
    default:
      return assertNever(level);
  }
}

/** Picks an OPERATOR's area: a level, then the kecamatan, then (for PPS) the kelurahan. */
@Component({
  selector: 'app-scope-picker',
  imports: [MatFormFieldModule, MatRadioModule, MatSelectModule],
  template: `
    <fieldset class="scope-picker">
      <legend id="scope-picker-legend">Wilayah kerja operator</legend>
      <mat-radio-group
        class="levels"
        aria-labelledby="scope-picker-legend"
        [value]="level()"
        (change)="onLevel($event.value)"
      >
        <mat-radio-button value="KABKOTA">Seluruh kota</mat-radio-button>
        <mat-radio-button value="KECAMATAN">Satu kecamatan (PPK)</mat-radio-button>
        <mat-radio-button value="KELURAHAN">Satu kelurahan (PPS)</mat-radio-button>
      </mat-radio-group>

      @if (level() !== 'KABKOTA') {
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>Kecamatan</mat-label>
          <mat-select
            [value]="kecamatanCode()"
            (selectionChange)="onKecamatan($event.value)"
            required
          >
            @for (kecamatan of kecamatan(); track kecamatan.code) {
              <mat-option [value]="kecamatan.code">{{ kecamatan.name }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
      }

      @if (level() === 'KELURAHAN' && kecamatanCode() !== null) {
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>Kelurahan</mat-label>
          <mat-select
            [value]="kelurahanCode()"
            (selectionChange)="onKelurahan($event.value)"
            required
          >
            @for (kelurahan of kelurahanOptions(); track kelurahan.code) {
              <mat-option [value]="kelurahan.code">{{ kelurahan.name }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
      }
    </fieldset>
  `,
  styles: `
    .scope-picker {
      display: flex;
      flex-direction: column;
      gap: 8px;
      margin: 0;
      padding: 8px 12px 0;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-small);
    }

    legend {
      padding-inline: 4px;
      font: var(--mat-sys-label-large);
    }

    .levels {
      display: flex;
      flex-direction: column;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ScopePicker implements OnInit {
  /** The kab/kota's kecamatan with their kelurahan (the RegionTree query). */
  readonly kecamatan = input.required<readonly KecamatanOption[]>();

  /** Null = whole kab/kota; a kecamatan or kelurahan code; undefined = not complete yet. */
  readonly scopeCode = model<string | null | undefined>(null);

  protected readonly level = signal<ScopeLevel>('KABKOTA');
  protected readonly kecamatanCode = signal<string | null>(null);
  protected readonly kelurahanCode = signal<string | null>(null);

  protected readonly kelurahanOptions = computed(
    () => this.kecamatan().find((node) => node.code === this.kecamatanCode())?.children ?? [],
  );

  ngOnInit(): void {
    // Editing an account: start from the scope it has.
    const code = this.scopeCode();
    const level = code ? regionLevelOfCode(code) : null;
    if (code && level === 'KECAMATAN') {
      this.level.set('KECAMATAN');
      this.kecamatanCode.set(code);
    } else if (code && level === 'KELURAHAN') {
      this.level.set('KELURAHAN');
      this.kecamatanCode.set(parentCodeOf(code));
      this.kelurahanCode.set(code);
    }
  }

  protected onLevel(level: ScopeLevel): void {
    this.level.set(level);
    this.publish();
  }

  protected onKecamatan(code: string): void {
    if (code !== this.kecamatanCode()) {
      this.kelurahanCode.set(null);
    }
    this.kecamatanCode.set(code);
    this.publish();
  }

  protected onKelurahan(code: string): void {
    this.kelurahanCode.set(code);
    this.publish();
  }

  private publish(): void {
    this.scopeCode.set(scopeCodeOf(this.level(), this.kecamatanCode(), this.kelurahanCode()));
  }
}

function assertNever(value: never): never {
  throw new Error(`Unknown scope level: ${String(value)}`);
}

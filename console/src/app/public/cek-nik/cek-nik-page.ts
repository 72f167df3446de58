import { ChangeDetectionStrategy, Component, inject, viewChild } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';

import { DeploymentStore } from '../../deployment/deployment-store';
import { issueMessage, issueValidator, nikIssue } from '../../forms/issue-validator';
import { CekNikDocument, type CekNikQuery } from '../../graphql/generated/graphql';
import { ProofOfWorkWidget } from '../proof-of-work/proof-of-work-widget';
import { publicLookup } from '../proof-of-work/public-lookup';

export type CekNikResult = CekNikQuery['cekNik'];

/** The sentence that says where a registered NIK is listed: kelurahan when given, else the kota. */
export function registeredText(result: CekNikResult, placeName: string | null): string {
  const place = placeName ?? 'wilayah KPU ini';
  const where = result.kelurahan === null ? place : `Kelurahan ${result.kelurahan}, ${place}`;

  return `NIK ${result.nikMasked} terdaftar sebagai pemilih di ${where}.`;
}

/** The sentence for an NIK that is not on this office's list. */
export function notRegisteredText(result: CekNikResult, placeName: string | null): string {
  const place = placeName ?? 'wilayah KPU ini';

  return `NIK ${result.nikMasked} tidak ditemukan dalam daftar pemilih ${place}.`;
}

/**
 * Cek NIK: a citizen types an NIK and learns, in plain words, whether it is on the voter list.
 * The answer carries the NIK masked and nothing else about the person (DESIGN §4.1). The NIK
 * travels only in the POST body of the query, never in the address bar, and the answer is not
 * kept in the client cache.
 */
@Component({
  selector: 'app-cek-nik-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    ProofOfWorkWidget,
  ],
  templateUrl: './cek-nik-page.html',
  styleUrl: './cek-nik-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CekNikPage {
  private readonly proofOfWork = viewChild(ProofOfWorkWidget);

  protected readonly placeName = inject(DeploymentStore).placeName;

  protected readonly form = inject(NonNullableFormBuilder).group({
    nik: ['', issueValidator(nikIssue)],
  });

  protected readonly lookup = publicLookup({
    form: this.form,
    proofOfWork: this.proofOfWork,
    query: CekNikDocument,
    variables: (proofOfWork) => ({ nik: this.form.controls.nik.value, proofOfWork }),
    answer: (data) => data.cekNik,
  });

  protected nikMessage(): string | null {
    return issueMessage(this.form.controls.nik);
  }

  protected registeredText(result: CekNikResult): string {
    return registeredText(result, this.placeName());
  }

  protected notRegisteredText(result: CekNikResult): string {
    return notRegisteredText(result, this.placeName());
  }
}

import { Injectable } from '@angular/core';
import { MatPaginatorIntl } from '@angular/material/paginator';

/** Material's paginator in Indonesian: "1–25 dari 300", "Halaman berikutnya". */
@Injectable()
export class IndonesianPaginatorIntl extends MatPaginatorIntl {
  override itemsPerPageLabel = 'Baris per halaman:';
  override nextPageLabel = 'Halaman berikutnya';
  override previousPageLabel = 'Halaman sebelumnya';
  override firstPageLabel = 'Halaman pertama';
  override lastPageLabel = 'Halaman terakhir';

  override getRangeLabel = (page: number, pageSize: number, length: number): string => {
    if (length === 0 || pageSize === 0) {
      return `0 dari ${length.toLocaleString('id-ID')}`;
    }
    const start = page * pageSize;
    const end = Math.min(start + pageSize, length);

    return `${(start + 1).toLocaleString('id-ID')}–${end.toLocaleString('id-ID')} dari ${length.toLocaleString('id-ID')}`;
  };
}

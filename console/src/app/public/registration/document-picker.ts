import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  input,
  model,
  output,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { DOCUMENT_KIND_DETAILS, type DocumentKind, MAX_DOCUMENT_BYTES } from '@kaliber/schema';

/** Media types the picker offers; the API decides on the file's bytes, not on this list. */
export const acceptedDocumentTypes = 'image/jpeg,image/png,application/pdf';

const sizeFormat = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });

/** "850 KB", "2,4 MB": a file size as the picker shows it. */
export function formatFileSize(bytes: number): string {
  const kibibytes = bytes / 1024;
  if (kibibytes < 1024) {
    return `${sizeFormat.format(Math.max(1, Math.round(kibibytes)))} KB`;
  }

  return `${sizeFormat.format(kibibytes / 1024)} MB`;
}

/**
 * One document of the registration (KTP or KK): a button that opens the file chooser (or the
 * camera on a phone), a preview of what was picked (a thumbnail for a photo, an icon, name and
 * size for a PDF), and the problems the page found with it. The picture never leaves the
 * browser until the form is sent; the thumbnail is an object URL, released when replaced.
 */
@Component({
  selector: 'app-document-picker',
  imports: [MatButtonModule],
  templateUrl: './document-picker.html',
  styleUrl: './document-picker.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DocumentPicker {
  readonly kind = input.required<DocumentKind>();

  /** The picked file, or null. */
  readonly file = model<File | null>(null);

  /** What is wrong with the document, in the order to show; empty when nothing is. */
  readonly issues = input<readonly string[]>([]);

  /** Whether the issues are to be shown yet (the person picked a file or tried to send). */
  readonly isIssueShown = input(false);

  /** The chooser was opened and closed, with or without a file: the field counts as visited. */
  readonly visited = output<void>();

  protected readonly details = computed(() => DOCUMENT_KIND_DETAILS[this.kind()]);
  protected readonly maxMegabytes = MAX_DOCUMENT_BYTES / (1024 * 1024);
  protected readonly acceptedTypes = acceptedDocumentTypes;
  protected readonly previewUrl = signal<string | null>(null);

  protected readonly isPdf = computed(() => this.file()?.type === 'application/pdf');

  constructor() {
    effect((onCleanup) => {
      const file = this.file();
      if (file === null || !file.type.startsWith('image/')) {
        this.previewUrl.set(null);
        return;
      }

      const url = URL.createObjectURL(file);
      this.previewUrl.set(url);
      onCleanup(() => URL.revokeObjectURL(url));
    });
  }

  protected fieldId(part: string): string {
    return `dokumen-${this.details().field}-${part}`;
  }

  protected sizeText(file: File): string {
    return formatFileSize(file.size);
  }

  protected onPicked(event: Event): void {
    const picker = event.target as HTMLInputElement;
    const [picked] = Array.from(picker.files ?? []);
    // Cancelling the chooser keeps the file picked before.
    if (picked) {
      this.file.set(picked);
    }
    // The same file picked again must still fire `change`.
    picker.value = '';
    this.visited.emit();
  }
}

// The PDF name tokens that make a document more than pages to look at. A name is a slash and
// the regular characters after it (ISO 32000 §7.3.5); `#xx` writes any byte in hex, so
// `/J#61vaScript` is `/JavaScript` to a reader and must be to the scanner too.

/**
 * Names refused wherever they occur. Conservative by design: a harmless PDF that happens to
 * contain one (in a comment, or by chance inside binary image data) is refused too, and the
 * citizen can send a photo instead; a missed script would reach a staff member's viewer.
 */
export const REFUSED_PDF_NAMES: ReadonlySet<string> = new Set([
  // Scripts, and the triggers and actions that run or open something without being asked.
  'JavaScript',
  'JS',
  'AA',
  'Launch',
  'SubmitForm',
  'ImportData',
  'GoToE',
  'GoToR',
  'Rendition',
  'Sound',
  'Movie',
  'RichMedia',
  // Files and forms carried inside the document.
  'EmbeddedFile',
  'EmbeddedFiles',
  'FileAttachment',
  'XFA',
  // Content the scanner cannot see into: encryption, and the text filters it does not decode
  // (long names and the abbreviations readers also accept). Flate it inflates itself.
  'Encrypt',
  'Crypt',
  'LZWDecode',
  'LZW',
  'ASCII85Decode',
  'A85',
  'ASCIIHexDecode',
  'AHx',
  'RunLengthDecode',
  'RL',
]);

// Longer than the longest refused name with every byte hex-escaped: longer names are skipped.
const LONGEST_REFUSED_NAME_BYTES = 64;

const SLASH = 0x2f;
const HASH = 0x23;
// ISO 32000 §7.2.3: white-space and delimiter characters end a name.
const NAME_ENDS = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20, ...Buffer.from('()<>[]{}/%')]);

/** Whether `data` (a whole PDF, or the inflated content of one of its streams) holds one. */
export function hasRefusedName(data: Buffer): boolean {
  for (let slash = data.indexOf(SLASH); slash !== -1; slash = data.indexOf(SLASH, slash + 1)) {
    const end = nameEnd(data, slash + 1);
    if (end - slash <= LONGEST_REFUSED_NAME_BYTES && isRefused(data.subarray(slash + 1, end))) {
      return true;
    }
  }

  return false;
}

function nameEnd(data: Buffer, start: number): number {
  let end = start;
  while (end < data.length && !NAME_ENDS.has(data[end] ?? 0)) {
    end += 1;
  }

  return end;
}

function isRefused(rawName: Buffer): boolean {
  const name = rawName.includes(HASH) ? decodeHexEscapes(rawName) : rawName.toString('latin1');

  return REFUSED_PDF_NAMES.has(name);
}

// `#` and two hex digits stand for one byte; a `#` without them is kept as it is.
function decodeHexEscapes(rawName: Buffer): string {
  return rawName
    .toString('latin1')
    .replace(/#([0-9a-fA-F]{2})/g, (_escape, hex: string) =>
      String.fromCharCode(Number.parseInt(hex, 16)),
    );
}

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
  // (long names and the abbreviations readers also accept); zlib data it inflates itself.
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

/**
 * What may follow the two-letter names, which are otherwise the ones met by chance in binary
 * image data (about one 5 MB scan in 50 would carry `/JS` or `/AA` somewhere). A viewer uses
 * them only with a value of this kind after them: a script as a string or a reference, the
 * additional actions as a dictionary or a reference, a filter name before the next entry.
 */
const VALUE_STARTS: Readonly<Record<string, RegExp>> = {
  JS: /[(<0-9]/,
  AA: /[<0-9]/,
  RL: /[\]>/I]/,
};

const SLASH = 0x2f;
const HASH = 0x23;
const PERCENT = 0x25;
const WHITE_SPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
// ISO 32000 §7.2.3: white-space and delimiter characters end a name.
const NAME_ENDS = new Set([...WHITE_SPACE, ...Buffer.from('()<>[]{}/%')]);

/** Whether `data` (a whole PDF, or the inflated content of one of its streams) holds one. */
export function hasRefusedName(data: Buffer): boolean {
  for (let slash = data.indexOf(SLASH); slash !== -1; slash = data.indexOf(SLASH, slash + 1)) {
    const end = nameEnd(data, slash + 1);
    const name = end - slash <= LONGEST_REFUSED_NAME_BYTES ? nameAt(data, slash + 1, end) : '';
    if (REFUSED_PDF_NAMES.has(name) && isFollowedByValue(name, data, end)) {
      return true;
    }
  }

  return false;
}

// At the end of the data nothing rules the name out, so it counts.
function isFollowedByValue(name: string, data: Buffer, from: number): boolean {
  const valueStart = VALUE_STARTS[name];
  const next = data[nextTokenStart(data, from)];

  return !valueStart || next === undefined || valueStart.test(String.fromCharCode(next));
}

// Skips white space and comments (a comment runs to the end of its line, and counts as space).
function nextTokenStart(data: Buffer, from: number): number {
  let at = from;
  while (at < data.length) {
    const byte = data[at] ?? 0;
    if (WHITE_SPACE.has(byte)) {
      at += 1;
    } else if (byte === PERCENT) {
      while (at < data.length && data[at] !== 0x0a && data[at] !== 0x0d) {
        at += 1;
      }
    } else {
      break;
    }
  }

  return at;
}

function nameEnd(data: Buffer, start: number): number {
  let end = start;
  while (end < data.length && !NAME_ENDS.has(data[end] ?? 0)) {
    end += 1;
  }

  return end;
}

function nameAt(data: Buffer, start: number, end: number): string {
  const rawName = data.subarray(start, end);

  return rawName.includes(HASH) ? decodeHexEscapes(rawName) : rawName.toString('latin1');
}

// `#` and two hex digits stand for one byte; a `#` without them is kept as it is.
function decodeHexEscapes(rawName: Buffer): string {
  return rawName
    .toString('latin1')
    .replace(/#([0-9a-fA-F]{2})/g, (_escape, hex: string) =>
      String.fromCharCode(Number.parseInt(hex, 16)),
    );
}

/**
 * Refusing files that are not text before anything else looks at them: spreadsheets
 * renamed to .csv are the usual case, so those get a message that says what to do.
 */

interface Signature {
  readonly bytes: readonly number[];
  readonly what: string;
}

const SIGNATURES: readonly Signature[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'an Excel workbook (.xlsx) or another ZIP archive. In Excel, use File → Save As → "CSV UTF-8 (Comma delimited)"' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], what: 'an old Excel workbook (.xls). In Excel, use File → Save As → "CSV UTF-8 (Comma delimited)"' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document, not a CSV file' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive. Unpack it first' },
];

/** Names the file format when the first bytes are a known binary signature. */
export function knownBinaryFormat(head: Uint8Array): string | undefined {
  return SIGNATURES.find((s) => s.bytes.every((b, i) => head[i] === b))?.what;
}

/** Control characters that never occur in a text CSV (tab, LF, form feed, CR and the DOS end-of-file mark 0x1A do). */
function isStrayControl(code: number): boolean {
  return code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d && code !== 0x1a;
}

/**
 * Why decoded text does not look like text, or undefined when it does. A single NUL is
 * enough; other controls must be more than 1 in 100 characters.
 */
export function binaryReason(text: string): string | undefined {
  const nul = text.indexOf('\u0000');
  if (nul !== -1) {
    const line = text.slice(0, nul).split(/\r\n|\r|\n/).length;
    return `line ${line.toLocaleString('en-US')} holds a NUL character (a zero byte), which a CSV file never has. Save the file again as "CSV UTF-8" from the program that made it`;
  }
  let controls = 0;
  for (let i = 0; i < text.length; i += 1) if (isStrayControl(text.charCodeAt(i))) controls += 1;
  if (controls > 0 && controls * 100 > text.length) return `${controls} of its first ${text.length} characters are control characters`;
  return undefined;
}

/**
 * Decoding chunk by chunk (telling the encoding is encoding-detect.ts's job). Decoders
 * are stateful so a multi-byte character split across two chunks is never mangled.
 */
import { isUtf8 } from 'node:buffer';
import type { CsvEncoding } from './dialect';

/** Thrown by the plain UTF-8 decoder on bytes that are not UTF-8, so the caller can re-read as Windows-1252. */
export class InvalidUtf8Error extends Error {
  constructor() {
    super('The file is not valid UTF-8.');
  }
}

export interface ChunkDecoder {
  /** Decodes the next chunk; bytes of a character cut at the chunk's end are kept for the next call. */
  decode(chunk: Uint8Array): string;
  /** Flushes what is left at the end of the file. */
  end(): string;
}

/**
 * A decoder whose output never holds the BOM. With `strict`, bytes that are not UTF-8
 * throw (so the full pass can read the file again another way); without, they become
 * U+FFFD. Detected UTF-8 is strict unless told otherwise (UTF-8 the user chose is not),
 * UTF-8 with BOM lenient unless told otherwise; other encodings are always lenient.
 */
export function createChunkDecoder(encoding: CsvEncoding, strict?: boolean): ChunkDecoder {
  switch (encoding) {
    case 'windows-1252': return windows1252Decoder();
    case 'utf-8': return utf8Decoder(strict ?? true, true);
    case 'utf-8-bom': return utf8Decoder(strict ?? false, true);
    default: {
      // Node ships full ICU: every other label of CSV_ENCODINGS decodes here. With ignoreBOM false, a UTF-16 BOM is consumed.
      const decoder = new TextDecoder(encoding, { ignoreBOM: false });
      return { decode: (chunk) => decoder.decode(chunk, { stream: true }), end: () => decoder.decode() };
    }
  }
}

/** Bytes at the end of `bytes` that start a character not finished yet (0–3). */
function incompleteTail(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let back = 1; back <= Math.min(3, n); back += 1) {
    const byte = bytes[n - back] ?? 0;
    if ((byte & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needed > back ? back : 0;
  }
  return 0;
}

/**
 * UTF-8 through Buffer#toString, holding back a character cut at the chunk's end. In
 * strict mode each slice is checked with isUtf8 first (both run at memory speed, unlike
 * a fatal TextDecoder) and invalid bytes throw InvalidUtf8Error.
 */
function utf8Decoder(strict: boolean, skipBom: boolean): ChunkDecoder {
  let carry: Uint8Array = new Uint8Array(0);
  let atStart = true;
  const decodeSlice = (bytes: Uint8Array): string => {
    if (strict && !isUtf8(bytes)) throw new InvalidUtf8Error();
    let text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    if (atStart && text.length > 0) {
      atStart = false;
      if (skipBom && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    return text;
  };
  return {
    decode(chunk) {
      const bytes = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
      const cut = bytes.length - incompleteTail(bytes);
      // Copied: the caller may reuse the chunk's memory for the next read.
      carry = Uint8Array.prototype.slice.call(bytes, cut);
      return decodeSlice(bytes.subarray(0, cut));
    },
    end() {
      const rest = carry;
      carry = new Uint8Array(0);
      return rest.length > 0 ? decodeSlice(rest) : '';
    },
  };
}

// Windows-1252 differs from Latin-1 only in 0x80–0x9F. Node 20's TextDecoder decodes the
// "windows-1252" label as plain Latin-1 (€ becomes U+0080), so the table is ours.
const CP1252_HIGH = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
  0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];
const C1_CONTROLS = /[\u0080-\u009f]/g;

function windows1252Decoder(): ChunkDecoder {
  return {
    decode(chunk) {
      const latin1 = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1');
      return latin1.replace(C1_CONTROLS, (c) => String.fromCharCode(CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c.charCodeAt(0)));
    },
    end: () => '',
  };
}

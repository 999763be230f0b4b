/**
 * Telling a file's text encoding from its first bytes, and how sure that is. A BOM
 * decides; bytes that are valid UTF-8 (and hold no NUL, which UTF-16 without a BOM
 * would) are UTF-8; anything else goes to jschardet, the detector VS Code itself uses
 * for "files.autoGuessEncoding".
 *
 * The confidence is about the text the user will see, not the label: candidates that
 * turn the sample into the same text (Windows-1252, ISO-8859-15 and ISO-8859-1 agree on
 * most Western text) count together, so "Windows-1252 or ISO-8859-15" is not a doubt,
 * while "ISO-8859-2 or Windows-1250" on Polish text, where ś and ą differ, is.
 */
import { detectAll } from 'jschardet';
import { CSV_ENCODINGS, type CsvEncoding, isCsvEncoding } from '../../shared/csv-encodings';
import { createChunkDecoder } from './encoding';

export interface EncodingGuess {
  readonly encoding: CsvEncoding;
  /** 0…1: the share of the detector's evidence for the text this encoding gives. */
  readonly confidence: number;
  /** How the encoding was settled. */
  readonly source: 'bom' | 'utf-8' | 'detector' | 'chosen';
  /** Other encodings the detector found plausible that give a different text, best first. */
  readonly alternatives: readonly CsvEncoding[];
}

/** Below this the mapping screen says the encoding is a guess and asks the user to check. */
export const LOW_CONFIDENCE = 0.6;

/** The detector's cost grows with its input; 32 KB of a CSV is plenty of evidence. */
const DETECTOR_SAMPLE_BYTES = 32 * 1024;

/** jschardet's names that are not WHATWG labels. */
const DETECTOR_NAMES: Readonly<Record<string, CsvEncoding>> = {
  'ascii': 'utf-8',
  'cp932': 'shift_jis',
  'gb2312': 'gb18030',
  'gbk': 'gb18030',
  'iso-8859-1': 'windows-1252',
  'koi8-u': 'koi8-r',
  'iso8859-1': 'windows-1252',
  'utf-16-le': 'utf-16le',
  'utf-16-be': 'utf-16be',
  'maccyrillic': 'windows-1251',
  'x-mac-cyrillic': 'windows-1251',
  'euc-tw': 'big5',
  'cp949': 'euc-kr',
  'iso-8859-9': 'windows-1254',
  'iso8859-9': 'windows-1254',
  'macroman': 'macintosh',
};

function toCsvEncoding(name: string): CsvEncoding | undefined {
  const lower = name.toLowerCase();
  const mapped = DETECTOR_NAMES[lower] ?? lower.replace(/^iso8859-/, 'iso-8859-');
  return isCsvEncoding(mapped) && mapped !== 'utf-8-bom' ? mapped : undefined;
}

export function bomOf(head: Uint8Array): CsvEncoding | undefined {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8-bom';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return undefined;
}

function isUtf8Text(head: Uint8Array, complete: boolean): boolean {
  if (head.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(head, { stream: !complete });
    return true;
  } catch {
    return false;
  }
}

function decodeSample(sample: Uint8Array, encoding: CsvEncoding): string {
  try {
    return createChunkDecoder(encoding, false).decode(sample);
  } catch {
    return '';
  }
}

interface Candidate {
  readonly encoding: CsvEncoding;
  readonly score: number;
}

/** Candidates scoring under this share of the best one are noise; summed, their many small scores would outvote it. */
const CONTENDER_SHARE = 0.5;

function detectorCandidates(sample: Uint8Array): Candidate[] {
  const scores = new Map<CsvEncoding, number>();
  const results = detectAll(sample, { minimumThreshold: 0 });
  const top = Math.max(0, ...results.map((result) => result.confidence));
  for (const result of results) {
    if (result.confidence < top * CONTENDER_SHARE) continue;
    const encoding = result.encoding === null ? undefined : toCsvEncoding(result.encoding);
    if (encoding === undefined || !(result.confidence > 0)) continue;
    scores.set(encoding, (scores.get(encoding) ?? 0) + result.confidence);
  }
  return [...scores].map(([encoding, score]) => ({ encoding, score })).sort((a, b) => b.score - a.score);
}

/** Within a group of candidates that read the sample the same, the most common encoding names it. */
function preferred(group: readonly Candidate[]): CsvEncoding {
  const order = (encoding: CsvEncoding): number => CSV_ENCODINGS.indexOf(encoding);
  return [...group].sort((a, b) => order(a.encoding) - order(b.encoding))[0]?.encoding ?? 'windows-1252';
}

/** `complete` says whether `head` is the whole file: if not, a character cut at its end is fine. */
export function detectEncoding(head: Uint8Array, complete: boolean): EncodingGuess {
  const bom = bomOf(head);
  if (bom !== undefined) return { encoding: bom, confidence: 1, source: 'bom', alternatives: [] };
  if (isUtf8Text(head, complete)) return { encoding: 'utf-8', confidence: 1, source: 'utf-8', alternatives: [] };

  const sample = head.subarray(0, DETECTOR_SAMPLE_BYTES);
  const candidates = detectorCandidates(sample);
  const total = candidates.reduce((sum, candidate) => sum + candidate.score, 0);
  const groups = new Map<string, Candidate[]>();
  for (const candidate of candidates) {
    const text = decodeSample(sample, candidate.encoding);
    groups.set(text, [...(groups.get(text) ?? []), candidate]);
  }
  const ranked = [...groups.values()]
    .map((group) => ({ group, score: group.reduce((sum, candidate) => sum + candidate.score, 0) }))
    .sort((a, b) => b.score - a.score);
  const best = ranked[0];
  // Nothing the detector can name: Windows-1252 is what Excel on Windows writes, and the user is told it is a guess.
  if (best === undefined || total === 0) return { encoding: 'windows-1252', confidence: 0, source: 'detector', alternatives: [] };
  return {
    encoding: preferred(best.group),
    confidence: best.score / total,
    source: 'detector',
    alternatives: ranked.slice(1).map((entry) => preferred(entry.group)),
  };
}

/** The user's choice: a UTF-8 or UTF-16 file keeps its BOM out of the text whichever of the two is picked. */
export function chosenEncoding(head: Uint8Array, encoding: CsvEncoding): EncodingGuess {
  const bom = bomOf(head);
  const resolved = encoding === 'utf-8' && bom === 'utf-8-bom' ? 'utf-8-bom' : encoding === 'utf-8-bom' && bom !== 'utf-8-bom' ? 'utf-8' : encoding;
  return { encoding: resolved, confidence: 1, source: 'chosen', alternatives: [] };
}

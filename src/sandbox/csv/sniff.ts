/**
 * Delimiter and line-ending detection from the start of a file (contract §2.1: comma,
 * semicolon or pipe). For each candidate, counts fields per line outside quotes over
 * the first complete lines; the winner splits lines into the most fields with the
 * fewest lines that disagree. A file with one column falls back to comma.
 */
import type { Newline } from './papa-rows';

export const DELIMITERS = [',', ';', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

const SAMPLE_LINES = 50;

/** The first line break outside quotes decides; a file with none reads as `\n`. */
export function sniffNewline(text: string): Newline {
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '\r') return text[i + 1] === '\n' ? '\r\n' : '\r';
    else if (!quoted && ch === '\n') return '\n';
  }
  return '\n';
}

/** Fields per logical line for one delimiter, over at most SAMPLE_LINES lines; blank lines skipped. */
function fieldCounts(text: string, delimiter: string, complete: boolean): number[] {
  const counts: number[] = [];
  let quoted = false;
  let fields = 1;
  let empty = true;
  for (let i = 0; i < text.length && counts.length < SAMPLE_LINES; i += 1) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    if (quoted) {
      empty = false;
      continue;
    }
    if (ch === '\n' || ch === '\r') {
      if (!empty) counts.push(fields);
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      fields = 1;
      empty = true;
    } else {
      empty = false;
      if (ch === delimiter) fields += 1;
    }
  }
  // The last line of a sample cut mid-file may be partial; count it only at end of file.
  if (complete && !empty && counts.length < SAMPLE_LINES) counts.push(fields);
  return counts;
}

export function sniffDelimiter(text: string, complete: boolean): Delimiter {
  let best: Delimiter = ',';
  let bestScore = -Infinity;
  for (const delimiter of DELIMITERS) {
    const counts = fieldCounts(text, delimiter, complete);
    const first = counts[0] ?? 1;
    if (first < 2) continue;
    const disagreeing = counts.filter((n) => n !== first).length;
    const score = first - disagreeing * 2;
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

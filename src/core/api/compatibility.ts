/**
 * "GetSales: Check API Compatibility": read-only probes of the connected account, each
 * answer decoded by the same decoders the extension uses, written up as Markdown a user
 * can paste into a report. The report holds statuses, shapes (keys and JSON types, see
 * shapeOf) and the decoders' verdicts only: never a value from an answer (no names, no
 * uuids, no e-mail addresses), never the key. Nothing is written on GetSales: GET only.
 */
import { shapeOf } from '../../shared/decode';
import type { ProbeAnswer } from './client';
import { ApiError, NetworkError } from './errors';
import * as wire from './wire';

export interface Prober {
  probe(path: string, query?: wire.Query, signal?: AbortSignal): Promise<ProbeAnswer>;
}

/** A uuid no account holds: what the poll paths answer for it tells whether they exist. */
export const UNKNOWN_UUID = '00000000-0000-4000-8000-000000000000';

type Verdict = 'matches' | 'tolerated' | 'differs' | 'not available' | 'failed';

export interface ProbeResult {
  readonly endpoint: string;
  readonly status: string;
  readonly shape: string;
  readonly verdict: Verdict;
  /** The decoders' words: what they skipped or ignored, or which field is missing. */
  readonly details: readonly string[];
  /** What the extension does with such an answer. */
  readonly action: string;
}

interface Probe {
  readonly endpoint: string;
  readonly path: string;
  readonly query?: wire.Query;
  /** A successful answer is decoded with this; undefined when a 404 is what is expected. */
  readonly decode?: (value: unknown, note: wire.Note) => unknown;
  readonly action: string;
  readonly actionWhenMissing: string;
}

const PROBES: readonly Probe[] = [
  {
    endpoint: 'GET /leads/api/lists',
    path: wire.API_PATHS.lists,
    query: wire.listListsQuery({ limit: 5 }),
    decode: (v, note) => wire.decodeListsPage(v, 'lists', note),
    action: 'Lists are offered as import targets and export filters; an item without uuid or name is left out.',
    actionWhenMissing: 'Sign-in checks the key with this call, so nothing works without it.',
  },
  {
    endpoint: 'GET /leads/api/data-sources',
    path: wire.API_PATHS.imports,
    query: wire.listImportsQuery({ limit: 20 }),
    decode: (v, note) => wire.decodeImportsPage(v, 'imports', note),
    action: 'Refresh Jobs adds recent CSV imports from this list; other data sources (LinkedIn searches…) are skipped.',
    actionWhenMissing: 'Refresh Jobs cannot find imports started elsewhere; imports started here are still followed.',
  },
  {
    endpoint: 'GET /leads/api/mass-actions',
    path: wire.API_PATHS.massActions,
    query: wire.listMassActionsQuery({ limit: 20 }),
    decode: (v, note) => wire.decodeMassActionsPage(v, 'massActions', note),
    action: 'Refresh Jobs adds recent exports from this list (other mass actions are skipped), so a lost start answer is recovered.',
    actionWhenMissing: 'Exports started elsewhere, or whose start answer was lost, cannot be found; exports started here are still followed.',
  },
  {
    endpoint: 'GET /leads/api/tags',
    path: wire.API_PATHS.tags,
    query: wire.listTagsQuery({ limit: 20 }),
    decode: (v, note) => wire.decodeTagsPage(v, 'tags', note),
    action: 'The mapping screen offers these tags; imports send their uuids.',
    actionWhenMissing: 'The mapping screen offers no tags; imports go without tags.',
  },
  ...(['dataSource', 'fileImport', 'massAction', 'fileExport'] as const).map((key): Probe => ({
    endpoint: `GET ${wire.API_PATHS[key]('UUID').replace('UUID', '{unknown uuid}')}`,
    path: wire.API_PATHS[key](UNKNOWN_UUID),
    action: key === 'dataSource' || key === 'fileImport'
      ? 'Imports are polled at data-sources/{uuid} first and at file-imports/{uuid} when that answers 404.'
      : 'Exports are polled at mass-actions/{uuid} first and at file-exports/{uuid} when that answers 404.',
    actionWhenMissing: '',
  })),
];

export async function runCompatibilityProbes(prober: Prober, signal?: AbortSignal): Promise<ProbeResult[]> {
  const results: ProbeResult[] = [];
  for (const probe of PROBES) results.push(await runProbe(prober, probe, signal));
  return results;
}

async function runProbe(prober: Prober, probe: Probe, signal: AbortSignal | undefined): Promise<ProbeResult> {
  let answer: ProbeAnswer;
  try {
    answer = await prober.probe(probe.path, probe.query, signal);
  } catch (error) {
    if (signal?.aborted) throw error;
    const status = error instanceof NetworkError ? `no answer (${error.failure})` : error instanceof ApiError ? `no answer (${error.kind})` : 'no answer';
    return { endpoint: probe.endpoint, status, shape: '—', verdict: 'failed', details: [error instanceof ApiError ? error.kind : 'error'], action: probe.action };
  }
  const status = String(answer.status);
  const shape = answer.value === undefined ? 'not JSON (or empty)' : shapeOf(answer.value);
  if (!probe.decode) {
    const expected = answer.status === 404;
    return {
      endpoint: probe.endpoint, status, shape,
      verdict: expected ? 'matches' : 'differs',
      details: [expected ? 'an unknown uuid is 404, as expected' : `an unknown uuid gave ${status}, not 404`],
      action: probe.action,
    };
  }
  if (answer.status === 404) {
    return { endpoint: probe.endpoint, status, shape, verdict: 'not available', details: ['this path is not served here'], action: probe.actionWhenMissing };
  }
  if (answer.status < 200 || answer.status >= 300) {
    return { endpoint: probe.endpoint, status, shape, verdict: 'failed', details: [`answered ${status}`], action: probe.action };
  }
  const notes: string[] = [];
  try {
    probe.decode(answer.value, (line) => notes.push(line));
    return { endpoint: probe.endpoint, status, shape, verdict: notes.length === 0 ? 'matches' : 'tolerated', details: notes, action: probe.action };
  } catch (error) {
    const problem = error instanceof Error && 'path' in error && 'problem' in error ? `${String(error.path)}: ${String(error.problem)}` : 'the answer could not be read';
    return { endpoint: probe.endpoint, status, shape, verdict: 'differs', details: [...notes, problem], action: `${probe.action} With this answer the extension stops with an error naming the field.` };
  }
}

export interface ReportContext {
  readonly extensionVersion: string;
  /** Where the probes went: scheme and host only. */
  readonly server: string;
  readonly when: Date;
}

const VERDICT_WORDS: Readonly<Record<Verdict, string>> = {
  matches: '✅ as expected',
  tolerated: '🟡 differs, tolerated',
  differs: '❌ differs',
  'not available': '⚪ not available',
  failed: '⚠️ failed',
};

/** Markdown; every cell is our own words, a status, or a shape. */
export function compatibilityReport(results: readonly ProbeResult[], context: ReportContext): string {
  const lines = [
    '# GetSales API compatibility report',
    '',
    `Extension ${context.extensionVersion} · ${context.server} · ${context.when.toISOString()}`,
    '',
    'Read-only probes (GET only; nothing was written). Shapes show keys and JSON types, never values;',
    'keys that are data (a header, a uuid) show as `<key>`. The API key is not in this report.',
    '',
    '| Endpoint | Status | Verdict |',
    '|---|---|---|',
    ...results.map((r) => `| \`${r.endpoint}\` | ${r.status} | ${VERDICT_WORDS[r.verdict]} |`),
    '',
  ];
  for (const r of results) {
    lines.push(`## \`${r.endpoint}\``, '', `- Status: ${r.status}`, `- Verdict: ${VERDICT_WORDS[r.verdict]}`);
    for (const detail of r.details) lines.push(`- ${detail}`);
    if (r.action !== '') lines.push(`- What the extension does: ${r.action}`);
    lines.push('', 'Shape seen:', '', '```', r.shape, '```', '');
  }
  return lines.join('\n');
}

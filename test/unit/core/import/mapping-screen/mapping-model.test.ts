/**
 * What the mapping screen shows, built from a real pre-flight and a real upload to the
 * sandbox: file facts, the server's columns, preview rows that fit them, the field
 * catalogue, proposals (a requested mapping, then memory, then matching), and the
 * caller's mapping overrides with their refusals.
 */
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import type { FileImport } from '../../../../../src/core/api';
import { IDENTIFIER_FIELDS, fieldsFor } from '../../../../../src/core/mapping';
import { prepareFile, type PreparedFile } from '../../../../../src/core/import/preflight';
import {
  buildMappingModel, describeDialect, importColumns, proposeSuggestions, resolveMapping, type MappingModelInput,
} from '../../../../../src/core/import/mapping-screen/mapping-model';
import { UserError } from '../../../../../src/core/user-error';
import type { TargetState } from '../../../../../src/shared/protocol';
import { fixture } from '../../csv/helpers';
import { useSandbox } from '../../../sandbox/helpers';
import { TEST_KEY, TEST_TEAM, testClient } from '../../api/client-helpers';

const TARGET: TargetState = { kind: 'contacts', listUuid: 'list-1', tags: [], updateExisting: true };
const LISTS = [{ uuid: 'list-1', name: 'Webinar' }];

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof UserError, String(error));
    assert.deepEqual(error.actions, []);
    return error.message;
  }
  return assert.fail('accepted');
}

describe('resolveMapping', () => {
  const headers = ['First Name', 'E-Mail', 'LinkedIn URL'];

  it('takes a per-column mapping, filling missing columns with null', () => {
    assert.deepEqual(resolveMapping('contacts', headers, ['first_name', 'work_email', 'linkedin_id']), ['first_name', 'work_email', 'linkedin_id']);
    assert.deepEqual(resolveMapping('contacts', headers, ['first_name']), ['first_name', null, null]);
    assert.deepEqual(resolveMapping('contacts', headers, []), [null, null, null]);
  });

  it('refuses a per-column mapping longer than the file', () => {
    assert.equal(refusal(() => resolveMapping('contacts', headers, ['a', 'b', 'c', 'd', null])), 'The mapping names 5 columns but the file has 3.');
  });

  it('takes field → column index or header (matched as headers are), leaving the rest unmapped', () => {
    assert.deepEqual(resolveMapping('contacts', headers, { work_email: 1, first_name: 'first name' }), ['first_name', 'work_email', null]);
    assert.deepEqual(resolveMapping('contacts', headers, { linkedin_id: ' LinkedIn URL ' }), [null, null, 'linkedin_id']);
  });

  it('refuses a field put on a column the file does not have', () => {
    assert.equal(refusal(() => resolveMapping('contacts', headers, { work_email: 'Mail' })), 'The mapping puts work_email on column Mail, which the file does not have.');
    assert.equal(refusal(() => resolveMapping('contacts', headers, { work_email: 3 })), 'The mapping puts work_email on column 3, which the file does not have.');
    assert.equal(refusal(() => resolveMapping('contacts', headers, { work_email: -1 })), 'The mapping puts work_email on column -1, which the file does not have.');
  });
});

describe('proposeSuggestions', () => {
  const headers = ['Vorname', 'E-Mail', 'Notes'];
  const rows = [['Ada', 'ada@example.com', 'x']];

  it('prefers a requested mapping over memory and matching, fully confident', () => {
    const suggestions = proposeSuggestions({ kind: 'contacts', remembered: ['last_name', null, null], requested: [null, 'personal_email', 'about'] }, headers, rows, { work_email: 1 });
    assert.deepEqual(suggestions, [
      { column: 1, field: 'personal_email', confidence: 1, source: 'memory', reason: 'The same mapping as before: "E-Mail" → Personal email', note: 'As you mapped it before' },
      { column: 2, field: 'about', confidence: 1, source: 'memory', reason: 'The same mapping as before: "Notes" → About', note: '' },
    ]);
  });

  it("uses the remembered mapping next, then the server's matches with our own", () => {
    const remembered = proposeSuggestions({ kind: 'contacts', remembered: ['last_name', null, null], requested: undefined }, headers, rows, {});
    assert.deepEqual(remembered.map((s) => [s.column, s.field]), [[0, 'last_name']]);
    const matched = proposeSuggestions({ kind: 'contacts', remembered: undefined, requested: undefined }, headers, rows, { work_email: 1 });
    assert.deepEqual(matched.find((s) => s.column === 1), { column: 1, field: 'work_email', confidence: 0.95, source: 'server', reason: 'GetSales matched column "E-Mail" to Work email', note: '' });
  });

  it('sends the screen only the protocol fields of a suggestion', () => {
    for (const suggestion of proposeSuggestions({ kind: 'contacts', remembered: undefined, requested: undefined }, headers, rows, { work_email: 1 })) {
      assert.deepEqual(Object.keys(suggestion).sort(), ['column', 'confidence', 'field', 'note', 'reason', 'source']);
    }
  });
});

describe('buildMappingModel with a real pre-flight and sandbox upload', () => {
  const api = useSandbox({ apiKey: TEST_KEY, teamId: TEST_TEAM, seed: 'none', rateLimitPerMinute: 100_000 });
  let prepared: PreparedFile;
  let upload: FileImport;

  before(async () => {
    prepared = await prepareFile(fixture('windows-1252.csv'));
    upload = await testClient(api().url).client.uploadCsv({ filePath: prepared.fullPass.uploadPath, fileName: prepared.fullPass.uploadFileName, type: 'csv_leads' });
  });
  after(async () => {
    await prepared.fullPass.dispose();
  });

  function input(overrides: Partial<MappingModelInput> = {}): MappingModelInput {
    return { fileUri: 'file:///work/kunden.csv', kind: 'contacts', prepared, upload, lists: LISTS, tags: [], remembered: undefined, requested: undefined, target: TARGET, saveMapping: true, ...overrides };
  }

  it('describes the file as pre-flight read it', () => {
    const model = buildMappingModel(input());
    assert.deepEqual(model.restore, { fileUri: 'file:///work/kunden.csv', kind: 'contacts', importUuid: upload.uuid });
    const { encodingFacts, formulas, ...facts } = model.file;
    assert.deepEqual(facts, {
      fileName: 'windows-1252.csv', sizeBytes: prepared.firstView.sizeBytes, rowCount: 2, delimiter: ';', encoding: 'Windows-1252', converted: true,
      // The encoding guess is said beside the Encoding choice, not in this list.
      warnings: ['Converted from Windows-1252 to UTF-8 for the upload; your file is unchanged.'],
    });
    assert.equal(encodingFacts.id, 'windows-1252');
    assert.equal(encodingFacts.source, 'detector');
    assert.equal(encodingFacts.lowConfidence, true);
    assert.equal(encodingFacts.options[0]?.label, 'Windows-1252 (Western European)');
    assert.ok(encodingFacts.options.some((option) => option.id === 'shift_jis'), 'every encoding can be chosen');
    assert.deepEqual(formulas, { count: 0, lines: [], neutralised: false });
    assert.equal(describeDialect(prepared), 'semicolon-separated Windows-1252');
  });

  it("uses the server's columns, and the preview rows in the file's own characters", () => {
    const model = buildMappingModel(input());
    assert.deepEqual(upload.csvHeaders, ['Vorname', 'Nachname', 'E-Mail', 'Umsatz']);
    assert.deepEqual(model.columns, upload.csvHeaders);
    assert.deepEqual(model.previewRows[0]?.slice(0, 3), ['Jürgen', 'Müller', 'juergen@example.de']);
    assert.equal(model.previewRows[1]?.[1], 'Straße');
  });

  it("proposes the server's and our own matches", () => {
    const model = buildMappingModel(input());
    const byColumn = new Map(model.suggestions.map((s) => [s.column, s.field]));
    assert.equal(byColumn.get(0), 'first_name');
    assert.equal(byColumn.get(1), 'last_name');
    assert.equal(byColumn.get(2), 'work_email');
  });

  it('offers the catalogue of the kind, grouped, with its identifiers', () => {
    for (const kind of ['contacts', 'companies'] as const) {
      const model = buildMappingModel(input({ kind, target: kind === 'contacts' ? TARGET : { kind, listUuids: [], tags: [] } }));
      assert.deepEqual(model.fields.map((f) => f.name), fieldsFor(kind).map((f) => f.name));
      assert.deepEqual(model.identifierFields, IDENTIFIER_FIELDS[kind]);
      assert.deepEqual(model.groups.map((g) => g.id), [...new Set(fieldsFor(kind).map((f) => f.group))]);
      const labels = new Map(model.groups.map((g) => [g.id, g.label]));
      assert.equal(labels.get('identifiers'), 'Identifiers');
      assert.ok(model.fields.every((f) => labels.has(f.group)), 'every field is in a group the screen shows');
      assert.deepEqual(Object.keys(model.fields[0] ?? {}).sort(), ['description', 'group', 'label', 'name']);
    }
  });

  it('passes lists, target and the save choice through', () => {
    const model = buildMappingModel(input({ saveMapping: false }));
    assert.deepEqual(model.lists, LISTS);
    assert.deepEqual(model.target, TARGET);
    assert.equal(model.saveMapping, false);
  });

  it('fits every preview row to the columns: short rows padded, long rows cut', async () => {
    const ragged = await prepareFile(fixture('ragged.csv'));
    await ragged.fullPass.dispose();
    const model = buildMappingModel(input({ prepared: ragged, upload: { uuid: 'imp-r', csvHeaders: [], matches: {} } }));
    assert.deepEqual(model.columns, ['a', 'b', 'c'], 'our headers stand in when the server sent none');
    assert.deepEqual(model.previewRows, [['1', '2', '3'], ['4', '5', ''], ['6', '7', '8'], ['10', '11', '12'], ['13', '', '']]);
  });
});

describe('importColumns', () => {
  it("prefers the server's header list, and falls back to ours", async () => {
    const prepared = await prepareFile(fixture('semicolon.csv'));
    await prepared.fullPass.dispose();
    assert.deepEqual(importColumns(prepared, { csvHeaders: ['Name', 'Email', 'Amount', 'Extra'] }), ['Name', 'Email', 'Amount', 'Extra']);
    assert.deepEqual(importColumns(prepared, { csvHeaders: [] }), ['Name', 'Email', 'Amount']);
  });
});

import { describe, it } from 'node:test';
import { strict as assert } from 'node:assert';
import type { MappingCallbacks } from '../../../../../src/core/import/mapping-screen/mapping-session';
import { reportingFailures } from '../../../../../src/core/import/mapping-screen/reporting-callbacks';
import type { MappingReview } from '../../../../../src/shared/protocol';

const REVIEW: MappingReview = { identifier: { satisfied: true, mapped: ['work_email'], message: 'Identifier: Work email' }, issues: [], validation: { rowsChecked: 0, items: [] } };

function failing(error: unknown): MappingCallbacks {
  const fail = async (): Promise<never> => { throw error; };
  return { review: fail, createList: fail, startImport: fail, saveMapping: fail, showInProblems: fail, reread: fail };
}

function recorder(): { reported: unknown[]; report: (error: unknown) => string | undefined } {
  const reported: unknown[] = [];
  return { reported, report: (error) => { reported.push(error); return `Worded: ${String(error)}`; } };
}

describe('mapping screen callbacks that report their failures', () => {
  it('reports each failure once and rejects with the sentence the user was shown', async () => {
    const { reported, report } = recorder();
    const callbacks = reportingFailures(failing('boom'), report);
    await assert.rejects(callbacks.createList('Leads'), { message: 'Worded: boom' });
    await assert.rejects(callbacks.startImport({ mapping: [], target: { kind: 'companies', listUuids: [], tags: [] }, saveMapping: false }), { message: 'Worded: boom' });
    await assert.rejects(callbacks.saveMapping([]), { message: 'Worded: boom' });
    await assert.rejects(callbacks.showInProblems([]), { message: 'Worded: boom' });
    await assert.rejects(callbacks.reread({ encoding: 'shift_jis', neutraliseFormulas: false }), { message: 'Worded: boom' });
    assert.deepEqual(reported, ['boom', 'boom', 'boom', 'boom', 'boom']);
  });

  it('reports a failing review once until a review succeeds again', async () => {
    const { reported, report } = recorder();
    let fail = true;
    const callbacks = reportingFailures({ ...failing('gone'), review: async () => { if (fail) throw new Error('file gone'); return REVIEW; } }, report);
    await assert.rejects(callbacks.review([]), { message: 'Worded: Error: file gone' });
    await assert.rejects(callbacks.review([]), { message: 'file gone' });
    fail = false;
    assert.equal(await callbacks.review([]), REVIEW);
    fail = true;
    await assert.rejects(callbacks.review([]), { message: 'Worded: Error: file gone' });
    assert.equal(reported.length, 2);
  });

  it('passes a cancellation through as it was', async () => {
    const abort = new DOMException('The operation was aborted.', 'AbortError');
    const callbacks = reportingFailures(failing(abort), () => undefined);
    await assert.rejects(callbacks.startImport({ mapping: [], target: { kind: 'companies', listUuids: [], tags: [] }, saveMapping: false }), (error: unknown) => error === abort);
  });
});

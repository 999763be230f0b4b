/**
 * The mapping screen's callbacks with their failures reported the way every command's
 * are (the host passes CommandRunner.report): each failure is reported once and rejects
 * with the sentence the user was shown, which the screen puts beside Start or the list
 * form. A cancellation is not reported and rejects as it was.
 */
import type { ColumnMapping, FileReading, StartImportRequest } from '../../../shared/protocol';
import { messageOf } from '../../message-of';
import type { MappingCallbacks } from './mapping-session';

/** Reports `error`; returns the sentence shown, or undefined when nothing was shown (a cancellation). */
export type ReportFailure = (error: unknown) => string | undefined;

/** A review runs on every edit, so a lasting cause (the file was deleted) is reported once, until a review succeeds again. */
export function reportingFailures(callbacks: MappingCallbacks, report: ReportFailure): MappingCallbacks {
  const reported = (error: unknown): Error => {
    const sentence = report(error);
    if (sentence !== undefined) return new Error(sentence, { cause: error });
    return error instanceof Error ? error : new Error(messageOf(error));
  };
  const guarded = <A, T>(call: (arg: A) => Promise<T>) => async (arg: A): Promise<T> => {
    try {
      return await call(arg);
    } catch (error) {
      throw reported(error);
    }
  };
  let reviewFailing = false;
  return {
    review: async (mapping) => {
      try {
        const review = await callbacks.review(mapping);
        reviewFailing = false;
        return review;
      } catch (error) {
        if (reviewFailing) throw error;
        reviewFailing = true;
        throw reported(error);
      }
    },
    createList: guarded((name: string) => callbacks.createList(name)),
    startImport: guarded((request: StartImportRequest) => callbacks.startImport(request)),
    saveMapping: guarded((mapping: ColumnMapping) => callbacks.saveMapping(mapping)),
    showInProblems: guarded((mapping: ColumnMapping) => callbacks.showInProblems(mapping)),
    reread: guarded((reading: FileReading) => callbacks.reread(reading)),
  };
}

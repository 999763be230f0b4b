/**
 * What a failed download says. The client has already removed the partial file; the
 * sentence tells what happened, that nothing was saved, and what to do next. Errors with
 * their own good handling (sign-in, rate limit, cancellation) pass through unchanged.
 */
import { ApiError, NotFoundError, NetworkError, ValidationError } from '../api';
import { UserError } from '../user-error';
import { messageOf } from '../message-of';

export function downloadFailureError(error: unknown, label: string, fileName: string, folder: string): unknown {
  if (error instanceof NotFoundError) {
    return new UserError(`The file ${fileName} of “${label}” is no longer on GetSales (export files expire). Nothing was saved. Run the export again: right-click the job → Retry Job.`, []);
  }
  if (error instanceof ValidationError) {
    return new UserError(`GetSales says “${label}” is not ready to download yet (${fileName}). Nothing was saved. Refresh the job and try again when it shows done.`, ['showLogs']);
  }
  if (error instanceof NetworkError) {
    const what = error.failure === 'truncated' ? 'the connection broke off before the end of the file'
      : error.failure === 'timeout' ? 'the server stopped sending data'
        : error.failure === 'refused' || error.failure === 'dns' ? 'the server could not be reached'
          : 'the connection failed';
    return new UserError(`Downloading ${fileName} failed: ${what}. Nothing was saved; the export is still there — try Download & Open again.`, ['openSettings', 'showLogs']);
  }
  if (error instanceof ApiError) return error;
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new UserError(`Cannot write to ${folder} (permission denied). Pick another folder in the setting getsales.downloadFolder.`, ['openSettings']);
  }
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new UserError(`The disk holding ${folder} is full. Free some space and try Download & Open again; nothing was saved.`, []);
  }
  return error;
}

/** The one-line note kept on the job (tooltip) after a failed download. */
export function downloadFailureNote(error: unknown): string {
  const message = messageOf(error);
  return `Last download failed: ${message}`;
}

/**
 * The data rows of a CSV on disk (a downloaded export), counted the way the pre-flight
 * counts them: rows, not lines (a quoted cell may hold line breaks), blank rows skipped,
 * the header not counted. Streamed, so a file of any size is counted in flat memory.
 */
import { readFirstView } from './first-view';
import { streamRows } from './row-stream';

export async function countDataRows(path: string, signal?: AbortSignal): Promise<number> {
  const view = await readFirstView(path);
  // Empty, blank or not text: no header, so no data rows.
  if (view.headers.length === 0) return 0;
  let rows = 0;
  let headerSeen = false;
  await streamRows(path, view.dialect, {
    onRow: () => {
      if (headerSeen) rows += 1;
      headerSeen = true; // the first non-blank row is the header, as in readFirstView
    },
  }, { signal, strict: false }); // a stray byte is counted with its row, not a reason to stop
  return rows;
}

/** Limits and sizes of the CSV pre-flight, in one place so messages and checks agree. */
import { formatBytes, formatCount } from '../../shared/format';

/** GetSales refuses uploads over 15 MB (contract §2.1); MB here is 1024 × 1024 bytes. */
export const MAX_UPLOAD_BYTES = 15 * 1024 * 1024;

/**
 * The most a part of a file imported in parts holds: a margin under the limit for a
 * server that counts a MB as 1,000,000 bytes (15 MB would then be 14.3 MiB).
 */
export const PART_MAX_BYTES = 14 * 1024 * 1024;

/** Files that need more parts than this are refused: about 1.4 GB, and as much again on disk while they are split. */
export const MAX_PARTS = 100;

/** Data rows shown in the first view, like the server's `csv_preview`. */
export const PREVIEW_ROW_COUNT = 10;

/** The first view reads this much of the file, and more only when the rows are long. */
export const HEAD_BYTES = 64 * 1024;
/** Upper bound of what the first view ever reads, whatever the file's size. */
export const MAX_HEAD_BYTES = 1024 * 1024;

/** Read size of the streaming passes: big enough that per-read work (and the snapshot's write) is noise. */
export const STREAM_CHUNK_BYTES = 1024 * 1024;

/**
 * What the streaming passes decode and parse at a time. The text of a slice stays below
 * V8's large-object size (128 KB of string), where decoding and parsing run two to
 * three times faster than on the text of a whole read (measured: bench/preflight).
 */
export const STREAM_SLICE_BYTES = 64 * 1024;

/** How many ragged rows and row issues a pass keeps with their line numbers (all are counted). */
export const DEFAULT_MAX_LISTED = 1000;

/** "15.0 MB (15,728,641 bytes)": the rounded size alone can hide why a file is over the limit. */
export function describeSize(bytes: number): string {
  return `${formatBytes(bytes)} (${formatCount(bytes)} bytes)`;
}

/**
 * Numbers for people, one way everywhere (host messages, the Jobs view, the webview):
 * counts with en-US grouping, sizes in binary units, plurals through one helper, and how
 * long ago something happened.
 */

const numbers = new Intl.NumberFormat('en-US');

/** "15,728,640". */
export function formatCount(value: number): string {
  return numbers.format(value);
}

/** "1 row", "2,000 rows"; the plural defaults to `one` + "s". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

const UNITS = ['KB', 'MB', 'GB'] as const;

/** "512 B", "2.0 KB", "15.0 MB" (1 KB = 1024 bytes, as GetSales counts its 15 MB limit). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(1)} ${UNITS[unit] ?? 'GB'}`;
}

/** "less than a minute ago", "1 minute ago", "2 hours ago", "3 days ago" (rounded down; a clock running behind reads as just now). */
export function formatTimeAgo(elapsedMs: number): string {
  const minutes = Math.floor(elapsedMs / 60_000);
  if (minutes < 1) return 'less than a minute ago';
  if (minutes < 60) return `${plural(minutes, 'minute')} ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${plural(hours, 'hour')} ago`;
  return `${plural(Math.floor(hours / 24), 'day')} ago`;
}

/** Human-readable durations and times for the viewer; pure so that the labels are unit-tested. */

export { formatDuration } from '../../analysis/duration';

/** A point in time as `YYYY-MM-DD HH:MM:SS.mmm` in the given UTC offset (minutes east of UTC; local by default). */
export function formatTimestamp(epochNs: number, utcOffsetMinutes = -new Date(epochNs / 1e6).getTimezoneOffset()): string {
  if (!Number.isFinite(epochNs)) return '—';
  const shifted = new Date(Math.floor(epochNs / 1e6) + utcOffsetMinutes * 60_000);
  const pad = (value: number, width = 2): string => String(value).padStart(width, '0');
  return (
    `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())} ` +
    `${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}:${pad(shifted.getUTCSeconds())}.` +
    pad(shifted.getUTCMilliseconds(), 3)
  );
}

/** `12,345`, grouping thousands the same way everywhere (not the webview's locale). */
export function formatCount(count: number): string {
  return String(Math.round(count)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

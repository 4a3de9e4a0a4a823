import * as assert from 'node:assert/strict';
import { formatCount, formatDuration, formatTimestamp } from '../../../src/core/viewer/layout/format';

describe('formatting', () => {
  it('formats durations with a fitting unit and three significant digits', () => {
    assert.equal(formatDuration(0), '0ns');
    assert.equal(formatDuration(850), '850ns');
    assert.equal(formatDuration(12_345), '12.3µs');
    assert.equal(formatDuration(1_500_000), '1.5ms');
    assert.equal(formatDuration(123_456_789), '123ms');
    assert.equal(formatDuration(2_000_000_000), '2s');
    assert.equal(formatDuration(123_400_000_000), '2m 3.4s');
    assert.equal(formatDuration(60e9), '1m');
    assert.equal(formatDuration(999_999.9), '1ms');
    assert.equal(formatDuration(999.6), '1µs');
    assert.equal(formatDuration(3_720e9), '1h 2m');
    assert.equal(formatDuration(-1_500_000), '-1.5ms');
    assert.equal(formatDuration(Number.NaN), '—');
  });

  it('formats timestamps in a given offset', () => {
    const ns = Date.UTC(2024, 4, 1, 12, 34, 56, 789) * 1e6;
    assert.equal(formatTimestamp(ns, 0), '2024-05-01 12:34:56.789');
    assert.equal(formatTimestamp(ns, 120), '2024-05-01 14:34:56.789');
  });

  it('groups thousands', () => {
    assert.equal(formatCount(100_000), '100,000');
    assert.equal(formatCount(999), '999');
  });
});

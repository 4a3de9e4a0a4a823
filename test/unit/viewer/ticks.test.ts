import * as assert from 'node:assert/strict';
import { niceStep, rulerTicks } from '../../../src/core/viewer/layout/ticks';

describe('ruler ticks', () => {
  it('picks 1, 2 or 5 times a power of ten', () => {
    assert.equal(niceStep(1_000_000, 5), 200_000);
    assert.equal(niceStep(1_000_000, 4), 500_000);
    assert.equal(niceStep(1_000_000, 10), 100_000);
    assert.equal(niceStep(7, 10), 1);
  });

  it('labels round offsets inside the window', () => {
    const ticks = rulerTicks({ startNs: 0, endNs: 1_000_000 }, 5);
    assert.deepEqual(
      ticks.map((tick) => tick.label),
      ['0ns', '200µs', '400µs', '600µs', '800µs', '1ms'],
    );
    assert.deepEqual(
      ticks.map((tick) => tick.fraction),
      [0, 0.2, 0.4, 0.6, 0.8, 1],
    );
  });

  it('starts at the first round offset of a zoomed window', () => {
    const ticks = rulerTicks({ startNs: 1_234_000, endNs: 1_734_000 }, 5);
    assert.deepEqual([ticks[0]?.offsetNs, ticks[0]?.label], [1_300_000, '1.3ms']);
    assert.ok(ticks.every((tick) => tick.fraction >= 0 && tick.fraction <= 1));
  });

  it('returns nothing for an empty window', () => {
    assert.deepEqual(rulerTicks({ startNs: 5, endNs: 5 }, 5), []);
  });
});

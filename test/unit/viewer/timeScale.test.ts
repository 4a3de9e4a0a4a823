import * as assert from 'node:assert/strict';
import {
  barGeometry,
  clampWindow,
  fractionOf,
  fullWindow,
  isFullWindow,
  panWindow,
  windowFromFractions,
  zoomWindow,
} from '../../../src/core/viewer/layout/timeScale';

describe('time scale', () => {
  const total = 1_000_000;

  it('places bars in percent of the window and clips at its edges', () => {
    const window = { startNs: 0, endNs: total };
    assert.deepEqual(barGeometry(250_000, 500_000, window), {
      leftPercent: 25,
      widthPercent: 50,
      clippedLeft: false,
      clippedRight: false,
    });
    const zoomed = { startNs: 400_000, endNs: 600_000 };
    const clipped = barGeometry(250_000, 500_000, zoomed);
    assert.deepEqual(clipped, { leftPercent: 0, widthPercent: 100, clippedLeft: true, clippedRight: true });
    assert.equal(barGeometry(700_000, 10, zoomed), undefined);
    assert.equal(barGeometry(0, 10, zoomed), undefined);
  });

  it('zooms around an anchor and never beyond the trace', () => {
    const zoomed = zoomWindow(fullWindow(total), 0.5, 0.5, total);
    assert.deepEqual(zoomed, { startNs: 250_000, endNs: 750_000 });
    const out = zoomWindow(zoomed, 10, 0.5, total);
    assert.deepEqual(out, { startNs: 0, endNs: total });
    const leftEdge = zoomWindow(fullWindow(total), 0.1, 0, total);
    assert.deepEqual(leftEdge, { startNs: 0, endNs: 100_000 });
  });

  it('stops zooming in at one microsecond', () => {
    const tiny = zoomWindow({ startNs: 500_000, endNs: 500_100 }, 0.01, 0.5, total);
    assert.equal(tiny.endNs - tiny.startNs, 1_000);
  });

  it('pans and clamps to the trace', () => {
    const window = { startNs: 100_000, endNs: 200_000 };
    assert.deepEqual(panWindow(window, 0.5, total), { startNs: 150_000, endNs: 250_000 });
    assert.deepEqual(panWindow(window, -5, total), { startNs: 0, endNs: 100_000 });
    assert.deepEqual(panWindow({ startNs: 900_000, endNs: total }, 1, total), { startNs: 900_000, endNs: total });
  });

  it('selects a window between two fractions in either order', () => {
    assert.deepEqual(windowFromFractions(0.8, 0.2, total), { startNs: 200_000, endNs: 800_000 });
  });

  it('clamps windows that are reversed, empty or outside', () => {
    assert.deepEqual(clampWindow({ startNs: -50, endNs: 2 * total }, total), { startNs: 0, endNs: total });
    assert.deepEqual(clampWindow({ startNs: 2 * total, endNs: 3 * total }, total), { startNs: 0, endNs: total });
    assert.deepEqual(clampWindow({ startNs: 10, endNs: 10 }, total), { startNs: 10, endNs: 1_010 });
  });

  it('handles zero-length traces', () => {
    assert.deepEqual(fullWindow(0), { startNs: 0, endNs: 1 });
    assert.ok(barGeometry(0, 0, fullWindow(0)));
  });

  it('tells fractions and full windows', () => {
    assert.equal(fractionOf(150, { startNs: 100, endNs: 200 }), 0.5);
    assert.equal(isFullWindow(fullWindow(total), total), true);
    assert.equal(isFullWindow({ startNs: 1, endNs: total }, total), false);
  });
});

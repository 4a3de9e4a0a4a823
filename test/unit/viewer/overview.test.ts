import * as assert from 'node:assert/strict';
import { dragWindow, overviewSpanRect, startOverviewDrag, windowPixels } from '../../../src/core/viewer/layout/overview';

describe('overview (minimap)', () => {
  const total = 1_000_000;

  it('draws each span at its tree position and time, at least one pixel', () => {
    assert.deepEqual(overviewSpanRect(50, 100, 250_000, 500_000, total, 400, 60), { x: 100, y: 30, width: 200, height: 1 });
    const tiny = overviewSpanRect(0, 10, 0, 0, total, 400, 60);
    assert.equal(tiny.width, 1);
    assert.equal(tiny.height, 3);
    assert.equal(overviewSpanRect(9, 10, 0, 0, total, 400, 60).y, 54);
  });

  it('marks the window in pixels', () => {
    assert.deepEqual(windowPixels({ startNs: 250_000, endNs: 500_000 }, total, 400), { left: 100, right: 200 });
  });

  it('selects a new window when the drag starts outside the mark', () => {
    const window = { startNs: 250_000, endNs: 500_000 };
    const drag = startOverviewDrag(300, 400, window, total);
    assert.equal(drag.kind, 'select');
    assert.deepEqual(dragWindow(drag, 360, 400, window, total), { startNs: 750_000, endNs: 900_000 });
    assert.deepEqual(dragWindow(drag, 40, 400, window, total), { startNs: 100_000, endNs: 750_000 });
  });

  it('pans when the drag starts on the mark', () => {
    const window = { startNs: 250_000, endNs: 500_000 };
    const drag = startOverviewDrag(150, 400, window, total);
    assert.equal(drag.kind, 'pan');
    assert.deepEqual(dragWindow(drag, 190, 400, window, total), { startNs: 350_000, endNs: 600_000 });
    assert.deepEqual(dragWindow(drag, 400, 400, window, total), { startNs: 750_000, endNs: 1_000_000 });
  });

  it('selects rather than pans when the whole trace is in view', () => {
    assert.equal(startOverviewDrag(150, 400, { startNs: 0, endNs: total }, total).kind, 'select');
  });
});

import * as assert from 'node:assert/strict';
import { rowsPerPage, scrollToReveal, visibleRows } from '../../../src/core/viewer/layout/virtualWindow';

describe('virtual scrolling window', () => {
  it('renders the rows in view plus the overscan', () => {
    assert.deepEqual(visibleRows(0, 240, 24, 10_000, 5), { first: 0, end: 15 });
    assert.deepEqual(visibleRows(2_400, 240, 24, 10_000, 5), { first: 95, end: 115 });
    assert.deepEqual(visibleRows(2_412, 240, 24, 10_000, 0), { first: 100, end: 111 });
  });

  it('stops at the ends', () => {
    assert.deepEqual(visibleRows(239_900, 240, 24, 10_000, 5), { first: 9_990, end: 10_000 });
    assert.deepEqual(visibleRows(-50, 240, 24, 3, 5), { first: 0, end: 3 });
    assert.deepEqual(visibleRows(0, 240, 24, 0, 5), { first: 0, end: 0 });
  });

  it('scrolls as little as needed to reveal a row', () => {
    assert.equal(scrollToReveal(5, 0, 240, 24), undefined);
    assert.equal(scrollToReveal(20, 0, 240, 24), 264);
    assert.equal(scrollToReveal(3, 240, 240, 24), 72);
  });

  it('counts whole rows per page', () => {
    assert.equal(rowsPerPage(250, 24), 10);
    assert.equal(rowsPerPage(5, 24), 1);
  });
});

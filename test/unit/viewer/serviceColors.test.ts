import * as assert from 'node:assert/strict';
import { hashName, paletteSize, ServiceColors } from '../../../src/core/viewer/layout/serviceColors';

describe('service colours', () => {
  it('gives a service the same slot in every session, wherever it appears first', () => {
    const one = new ServiceColors();
    one.assign(['orders', 'payments', 'frontend']);
    const two = new ServiceColors();
    two.assign(['frontend', 'orders', 'payments', 'orders']);
    for (const service of ['orders', 'payments', 'frontend']) assert.equal(one.slotOf(service), two.slotOf(service));
  });

  it('starts at the slot the name hashes to', () => {
    const colors = new ServiceColors();
    assert.equal(colors.slotOf('checkout'), hashName('checkout') % paletteSize);
  });

  it('gives colliding services different slots while slots are free', () => {
    const colors = new ServiceColors();
    const names = Array.from({ length: paletteSize }, (_, i) => `service-${i}`);
    colors.assign(names);
    const slots = new Set(names.map((name) => colors.slotOf(name)));
    assert.equal(slots.size, paletteSize);
    const extra = colors.slotOf('one-too-many');
    assert.ok(extra >= 0 && extra < paletteSize);
  });

  it('keeps saved slots and drops invalid ones', () => {
    const colors = new ServiceColors({ orders: 7, bad: 99, fraction: 1.5 });
    assert.equal(colors.slotOf('orders'), 7);
    assert.deepEqual(Object.keys(colors.snapshot()), ['orders']);
    const later = new ServiceColors(colors.snapshot());
    assert.equal(later.slotOf('orders'), 7);
  });

  it('saves only the most recent services', () => {
    const colors = new ServiceColors();
    for (let i = 0; i < 300; i++) colors.slotOf(`s${i}`);
    const saved = colors.snapshot();
    assert.equal(Object.keys(saved).length, 200);
    assert.ok('s299' in saved && !('s0' in saved));
  });
});

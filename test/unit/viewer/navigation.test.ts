import * as assert from 'node:assert/strict';
import { commandForKey, navigate } from '../../../src/core/viewer/layout/navigation';
import { RowModel } from '../../../src/core/viewer/layout/rows';
import { sampleSpans, treeOf } from './spans';

describe('timeline keyboard navigation', () => {
  const plain = { ctrlKey: false, metaKey: false, altKey: false };

  it('maps keys to commands, leaving modified keys to VS Code', () => {
    assert.equal(commandForKey({ ...plain, key: 'ArrowDown' }), 'down');
    assert.equal(commandForKey({ ...plain, key: 'Enter' }), 'openCode');
    assert.equal(commandForKey({ ...plain, key: '/' }), 'find');
    assert.equal(commandForKey({ ...plain, key: '+' }), 'zoomIn');
    assert.equal(commandForKey({ ...plain, key: 'ArrowDown', ctrlKey: true }), undefined);
    assert.equal(commandForKey({ ...plain, key: 'q' }), undefined);
  });

  it('moves up and down, by page and to the ends, within the rows', () => {
    const model = new RowModel(treeOf(sampleSpans()));
    const at = (id: string): number => model.tree.indexOf(id) ?? -1;
    assert.deepEqual(navigate(model, -1, 'down', 5), { select: at('root') });
    assert.deepEqual(navigate(model, at('root'), 'down', 5), { select: at('a') });
    assert.deepEqual(navigate(model, at('root'), 'up', 5), { select: at('root') });
    assert.deepEqual(navigate(model, at('a'), 'pageDown', 3), { select: at('b') });
    assert.deepEqual(navigate(model, at('a'), 'pageDown', 30), { select: at('o') });
    assert.deepEqual(navigate(model, at('b'), 'first', 3), { select: at('root') });
    assert.deepEqual(navigate(model, at('b'), 'last', 3), { select: at('o') });
  });

  it('expands or enters with Right and collapses or leaves with Left', () => {
    const model = new RowModel(treeOf(sampleSpans()));
    const at = (id: string): number => model.tree.indexOf(id) ?? -1;
    assert.deepEqual(navigate(model, at('a'), 'right', 5), { select: at('a1') });
    assert.deepEqual(navigate(model, at('a'), 'left', 5), { collapse: at('a') });
    assert.deepEqual(navigate(model, at('a1'), 'right', 5), {});
    model.setCollapsed(at('a'), true);
    assert.deepEqual(navigate(model, at('a'), 'right', 5), { expand: at('a') });
    assert.deepEqual(navigate(model, at('a'), 'left', 5), { select: at('root') });
    assert.deepEqual(navigate(model, at('o'), 'left', 5), {});
  });

  it('toggles, expands children, opens code and starts find', () => {
    const model = new RowModel(treeOf(sampleSpans()));
    const at = (id: string): number => model.tree.indexOf(id) ?? -1;
    assert.deepEqual(navigate(model, at('b'), 'toggle', 5), { collapse: at('b') });
    assert.deepEqual(navigate(model, at('b'), 'expandChildren', 5), { expandChildren: at('b') });
    assert.deepEqual(navigate(model, at('b1'), 'openCode', 5), { openCode: at('b1') });
    assert.deepEqual(navigate(model, at('b1'), 'find', 5), { find: true });
    assert.deepEqual(navigate(model, -1, 'zoomIn', 5), { zoom: 'in' });
    assert.deepEqual(navigate(model, -1, 'zoomOut', 5), { zoom: 'out' });
    assert.deepEqual(navigate(model, -1, 'zoomReset', 5), { zoom: 'reset' });
  });

  it('selects the first row when the selection is hidden', () => {
    const model = new RowModel(treeOf(sampleSpans()));
    const at = (id: string): number => model.tree.indexOf(id) ?? -1;
    model.setCollapsed(at('a'), true);
    assert.deepEqual(navigate(model, at('a1'), 'down', 5), { select: at('root') });
  });
});

import * as assert from 'node:assert/strict';
import { RowModel } from '../../../src/core/viewer/layout/rows';
import { sampleSpans, treeOf } from './spans';

function setup(): { model: RowModel; rows: () => string[]; at: (id: string) => number } {
  const spans = sampleSpans();
  const model = new RowModel(treeOf(spans));
  const rows = (): string[] => Array.from({ length: model.length }, (_, row) => spans[model.spanAt(row)]?.spanId ?? '?');
  const at = (id: string): number => model.tree.indexOf(id) ?? -1;
  return { model, rows, at };
}

describe('timeline rows', () => {
  it('lists every span depth-first when nothing is collapsed', () => {
    const { rows, model, at } = setup();
    assert.deepEqual(rows(), ['root', 'a', 'a1', 'a2', 'b', 'b1', 'o']);
    assert.equal(model.rowOf(at('b')), 4);
    assert.equal(model.spanAt(99), -1);
  });

  it('collapses and expands one span', () => {
    const { rows, model, at } = setup();
    model.setCollapsed(at('a'), true);
    assert.deepEqual(rows(), ['root', 'a', 'b', 'b1', 'o']);
    assert.equal(model.rowOf(at('a1')), -1);
    model.toggle(at('a'));
    assert.deepEqual(rows(), ['root', 'a', 'a1', 'a2', 'b', 'b1', 'o']);
  });

  it('ignores collapsing a leaf', () => {
    const { model, at } = setup();
    model.setCollapsed(at('a1'), true);
    assert.equal(model.isCollapsed(at('a1')), false);
  });

  it('collapses the children of a span, leaving one level below it', () => {
    const { rows, model, at } = setup();
    model.setCollapsed(at('root'), true);
    model.setChildrenCollapsed(at('root'), true);
    assert.deepEqual(rows(), ['root', 'a', 'b', 'o']);
    model.setChildrenCollapsed(at('root'), false);
    assert.deepEqual(rows(), ['root', 'a', 'a1', 'a2', 'b', 'b1', 'o']);
  });

  it('collapses and expands everything', () => {
    const { rows, model } = setup();
    model.setAllCollapsed(true);
    assert.deepEqual(rows(), ['root', 'o']);
    model.setAllCollapsed(false);
    assert.equal(model.length, 7);
  });

  it('reveals a hidden span by expanding its ancestors', () => {
    const { rows, model, at } = setup();
    model.setAllCollapsed(true);
    model.reveal(at('b1'));
    assert.deepEqual(rows(), ['root', 'a', 'b', 'b1', 'o']);
  });

  it('filters to flagged spans, keeping collapse state', () => {
    const { rows, model, at } = setup();
    const mask = new Uint8Array(model.tree.size);
    for (const id of ['root', 'b', 'b1']) mask[at(id)] = 1;
    model.setFilter(mask);
    assert.deepEqual(rows(), ['root', 'b', 'b1']);
    assert.equal(model.filtered, true);
    model.setCollapsed(at('b'), true);
    assert.deepEqual(rows(), ['root', 'b']);
    model.setFilter(undefined);
    assert.deepEqual(rows(), ['root', 'a', 'a1', 'a2', 'b', 'o']);
  });

  it('saves and restores the collapsed spans', () => {
    const { rows, model, at } = setup();
    model.setCollapsed(at('b'), true);
    const saved = model.collapsedSpans();
    model.setAllCollapsed(false);
    model.restoreCollapsed([...saved, 999, at('a1')]);
    assert.deepEqual(rows(), ['root', 'a', 'a1', 'a2', 'b', 'o']);
  });
});

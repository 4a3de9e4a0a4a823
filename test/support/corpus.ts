import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../harness/paths';

/** The labeled propagation corpus (see test/fixtures/propagation-corpus/README.md). */
export const corpusRoot = path.join(repoRoot, 'test', 'fixtures', 'propagation-corpus');

export type Expectation = 'missing-propagation' | 'incomplete-propagation' | 'ok';

export interface LabeledFile {
  readonly file: string;
  readonly text: string;
  /** 1-based line → what the call starting there should produce. */
  readonly expectations: ReadonlyMap<number, Expectation>;
}

const label = /expect:\s*(missing-propagation|incomplete-propagation|ok)\b/;

export function labeledFiles(extensions: RegExp): LabeledFile[] {
  const files = readdirSync(corpusRoot, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && extensions.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  return files.map((file) => {
    const text = readFileSync(file, 'utf8');
    const expectations = new Map<number, Expectation>();
    text.split('\n').forEach((line, index) => {
      const found = label.exec(line);
      if (found) expectations.set(index + 1, found[1] as Expectation);
    });
    return { file, text, expectations };
  });
}

import { globToRegExp } from './glob';

interface Rule {
  readonly pattern: RegExp;
  readonly negated: boolean;
  readonly directoryOnly: boolean;
}

/**
 * The rules of the .gitignore files met while walking a tree. Paths are `/`-separated and relative to the root
 * the rules were added for; as in git, the last matching rule wins and an ignored folder hides all it contains.
 */
export class IgnoreRules {
  private readonly rules: Rule[] = [];

  /** Adds a .gitignore found in `folder` (relative to the root, '' for the root itself). */
  add(folder: string, text: string): void {
    const base = folder === '' ? '' : `${folder.replace(/\/+$/, '')}/`;
    for (const rawLine of text.split(/\r?\n/)) {
      let line = rawLine.replace(/(?<!\\)\s+$/, '');
      if (line === '' || line.startsWith('#')) continue;
      const negated = line.startsWith('!');
      if (negated) line = line.slice(1);
      line = line.replace(/^\\([#!])/, '$1');
      const directoryOnly = line.endsWith('/');
      if (directoryOnly) line = line.slice(0, -1);
      const anchored = line.includes('/');
      line = line.replace(/^\//, '');
      const glob = anchored ? `${base}${line}` : `${base}**/${line}`;
      this.rules.push({ pattern: globToRegExp(glob), negated, directoryOnly });
    }
  }

  /** Is this path (a folder when `isDirectory`) ignored by the rules? Parent folders must be checked by the walker. */
  ignores(relativePath: string, isDirectory: boolean): boolean {
    let ignored = false;
    for (const rule of this.rules) {
      if (rule.directoryOnly && !isDirectory) continue;
      if (rule.pattern.test(relativePath)) ignored = !rule.negated;
    }
    return ignored;
  }
}

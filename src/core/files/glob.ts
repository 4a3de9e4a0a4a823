/**
 * Glob patterns as VS Code and .gitignore write them (`**` across folders, `*` and `?` within a name, `{a,b}`
 * alternatives, `[…]` classes), compiled to regular expressions over `/`-separated relative paths.
 */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  let inGroup = 0;
  for (let index = 0; index < glob.length; index++) {
    const char = glob.charAt(index);
    if (char === '*') {
      if (glob[index + 1] === '*') {
        const slashAfter = glob[index + 2] === '/';
        source += slashAfter ? '(?:.*/)?' : '.*';
        index += slashAfter ? 2 : 1;
      } else {
        source += '[^/]*';
      }
    } else if (char === '?') source += '[^/]';
    else if (char === '{') {
      inGroup++;
      source += '(?:';
    } else if (char === '}' && inGroup > 0) {
      inGroup--;
      source += ')';
    } else if (char === ',' && inGroup > 0) source += '|';
    else if (char === '[') {
      const end = glob.indexOf(']', index + 1);
      if (end === -1) source += '\\[';
      else {
        source += `[${glob.slice(index + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        index = end;
      }
    } else source += char.replace(/[.+^$()|\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/** Tests `/`-separated relative paths against a list of globs. */
export class GlobSet {
  private readonly patterns: readonly RegExp[];

  constructor(globs: readonly string[]) {
    this.patterns = globs.map((glob) => globToRegExp(glob.replace(/^\.\//, '')));
  }

  matches(relativePath: string): boolean {
    return this.patterns.some((pattern) => pattern.test(relativePath));
  }
}

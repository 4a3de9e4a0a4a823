/**
 * Turns a path a trace mentions (often from inside a container: `/app/orders/server.py`) into a workspace file,
 * or refuses. Only files inside the workspace are ever offered: a path that reaches outside, a `..` segment, or a
 * URI with a scheme other than `file` is refused with a reason the user sees.
 */
export interface PathMapping {
  /** Prefix as traces show it, e.g. `/app/orders`. */
  readonly from: string;
  /** Absolute folder inside the workspace it corresponds to. */
  readonly to: string;
}

export interface WorkspaceIndex {
  /** Absolute, normalized ('/'-separated) folders of the workspace. */
  readonly folders: readonly string[];
  /** Absolute, normalized paths of the workspace's files. */
  readonly files: readonly string[];
}

export type TracePathResolution =
  | { readonly kind: 'resolved'; readonly file: string; readonly how: 'mapping' | 'workspace' | 'suffix' }
  | { readonly kind: 'ambiguous'; readonly candidates: readonly string[]; readonly suffix: string }
  | { readonly kind: 'refused'; readonly reason: string }
  | { readonly kind: 'not-found'; readonly reason: string };

const schemePattern = /^([a-zA-Z][a-zA-Z0-9+.-]+):/;

/** Normalizes separators and strips a `file://` scheme; returns a refusal for anything unsafe. */
function toCandidatePath(raw: string): string | { refused: string } {
  let text = raw.trim();
  const scheme = schemePattern.exec(text)?.[1];
  // A one-letter "scheme" is a Windows drive (C:\app\x.cs), not a URI.
  if (scheme && scheme.length > 1) {
    if (scheme.toLowerCase() !== 'file') return { refused: `"${raw}" is a ${scheme}: URI; only files can be opened` };
    try {
      text = decodeURIComponent(new URL(text).pathname);
    } catch {
      return { refused: `"${raw}" is not a valid file URI` };
    }
  }
  text = text.replace(/\\/g, '/');
  if (text.split('/').includes('..')) return { refused: `"${raw}" contains a ".." segment` };
  return text.replace(/\/+/g, '/').replace(/^\.\//, '');
}

function isInside(file: string, folder: string): boolean {
  const prefix = folder.endsWith('/') ? folder : `${folder}/`;
  return file.startsWith(prefix);
}

function segments(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '' && segment !== '.');
}

/** How many trailing segments two paths share (case-sensitive, as container file systems are). */
function sharedSuffixLength(a: readonly string[], b: readonly string[]): number {
  let count = 0;
  while (count < a.length && count < b.length && a[a.length - 1 - count] === b[b.length - 1 - count]) count++;
  return count;
}

export function resolveTracePath(
  raw: string,
  workspace: WorkspaceIndex,
  mappings: readonly PathMapping[],
): TracePathResolution {
  const candidate = toCandidatePath(raw);
  if (typeof candidate !== 'string') return { kind: 'refused', reason: candidate.refused };
  if (candidate === '') return { kind: 'not-found', reason: 'The trace names an empty path' };
  const files = new Set(workspace.files);

  const mapping = [...mappings]
    .filter((entry) => candidate === entry.from || isInside(candidate, entry.from.replace(/\/+$/, '')))
    .sort((a, b) => b.from.length - a.from.length)[0];
  if (mapping) {
    const mapped = `${mapping.to.replace(/\/+$/, '')}${candidate.slice(mapping.from.replace(/\/+$/, '').length)}`;
    if (!workspace.folders.some((folder) => isInside(mapped, folder))) {
      return { kind: 'refused', reason: `The path mapping for "${mapping.from}" leads outside the workspace` };
    }
    if (files.has(mapped)) return { kind: 'resolved', file: mapped, how: 'mapping' };
  }

  if (candidate.startsWith('/') && workspace.folders.some((folder) => isInside(candidate, folder))) {
    return files.has(candidate)
      ? { kind: 'resolved', file: candidate, how: 'workspace' }
      : { kind: 'not-found', reason: `${candidate} does not exist in the workspace` };
  }

  const wanted = segments(candidate);
  let best = 0;
  let matches: string[] = [];
  for (const file of workspace.files) {
    const shared = sharedSuffixLength(wanted, segments(file));
    if (shared === 0 || shared < best) continue;
    if (shared > best) {
      best = shared;
      matches = [];
    }
    matches.push(file);
  }
  if (matches.length === 1 && matches[0]) return { kind: 'resolved', file: matches[0], how: 'suffix' };
  const suffix = wanted.slice(wanted.length - best).join('/');
  if (matches.length > 1) return { kind: 'ambiguous', candidates: matches.sort(), suffix };
  if (candidate.startsWith('/')) {
    return { kind: 'refused', reason: `${candidate} lies outside the workspace and no workspace file matches it` };
  }
  return { kind: 'not-found', reason: `No workspace file matches ${candidate}` };
}

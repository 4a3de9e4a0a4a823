import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { IgnoreRules } from '../../core/files/gitignore';
import { GlobSet } from '../../core/files/glob';

const alwaysSkipped = new Set(['.git', '.hg', '.svn', 'node_modules']);

/** Turns `/`-separated paths relative to `root`. */
function relativeTo(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}

/**
 * The files to lint under the given paths (files are taken as given; folders are walked), skipping what
 * .gitignore files ignore, the exclude globs, and version-control and dependency folders.
 */
export async function collectFiles(paths: readonly string[], root: string, exclude: readonly string[], wanted: (file: string) => boolean): Promise<string[]> {
  const excluded = new GlobSet(exclude);
  const ignore = new IgnoreRules();
  const rootIgnore = await readText(path.join(root, '.gitignore'));
  if (rootIgnore !== undefined) ignore.add('', rootIgnore);
  const found = new Set<string>();
  const seenIgnoreFiles = new Set([path.join(root, '.gitignore')]);

  const walk = async (folder: string): Promise<void> => {
    const gitignore = path.join(folder, '.gitignore');
    if (!seenIgnoreFiles.has(gitignore)) {
      seenIgnoreFiles.add(gitignore);
      const text = await readText(gitignore);
      if (text !== undefined) ignore.add(relativeTo(root, folder), text);
    }
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      const relative = relativeTo(root, full);
      if (entry.isDirectory()) {
        if (alwaysSkipped.has(entry.name) || ignore.ignores(relative, true) || excluded.matches(`${relative}/`) || excluded.matches(relative)) continue;
        await walk(full);
      } else if (entry.isFile() && wanted(full) && !ignore.ignores(relative, false) && !excluded.matches(relative)) {
        found.add(full);
      }
    }
  };

  for (const given of paths) {
    const full = path.resolve(root, given);
    const info = await stat(full).catch(() => undefined);
    if (!info) throw new Error(`no such file or folder: ${given}`);
    if (info.isDirectory()) await walk(full);
    else found.add(full);
  }
  return [...found].sort();
}

async function readText(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}

import { readdir, readFile, stat } from 'node:fs/promises';
import type { ProjectReader } from './detect';

/** Reads project files from the local disk (the CLI, tests, benchmarks). */
export const nodeProjectReader: ProjectReader = {
  async read(file) {
    try {
      const info = await stat(file);
      if (!info.isFile() || info.size > 1024 * 1024) return undefined;
      return await readFile(file, 'utf8');
    } catch {
      return undefined;
    }
  },
  async list(folder) {
    try {
      const entries = await readdir(folder, { withFileTypes: true });
      return entries.map((entry) => ({ name: entry.name, isDirectory: entry.isDirectory() }));
    } catch {
      return [];
    }
  },
};

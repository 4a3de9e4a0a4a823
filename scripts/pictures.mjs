// Copies the pictures the last e2e run took (test-results/media, see test/e2e/pictures.ts) into media/, where the
// README and the walkthrough show them. Run after `npm test`; review the images before committing them.
import { cpSync, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const taken = path.join(root, 'test-results', 'media');
if (!existsSync(taken)) {
  console.error(`No pictures in ${taken}: run npm test first.`);
  process.exit(1);
}
cpSync(taken, path.join(root, 'media'), { recursive: true });
for (const entry of readdirSync(taken, { recursive: true, withFileTypes: true }).filter((item) => item.isFile())) {
  console.log(`media/${path.relative(taken, path.join(entry.parentPath, entry.name))}`);
}

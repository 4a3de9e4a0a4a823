// Writes the README's settings table from package.json (contributes.configuration), so the two cannot drift.
//   node scripts/readme-settings.mjs            rewrite the table between the markers in README.md
//   node scripts/readme-settings.mjs --check    exit 1 if README.md's table differs from package.json
//   --readme <file> / --manifest <file>         other files (the unit test uses them)
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const start = '<!-- settings:start — generated from package.json by `npm run readme:settings`; edit package.json instead -->';
const end = '<!-- settings:end -->';

function option(name, fallback) {
  const index = process.argv.indexOf(name);
  return index >= 0 && process.argv[index + 1] ? path.resolve(process.argv[index + 1]) : fallback;
}

/** Markdown table cells hold one line and no unescaped pipes. */
function cell(text) {
  return text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|').trim();
}

function defaultText(value) {
  if (value === undefined) return '';
  if (Array.isArray(value)) return value.length === 0 ? '`[]`' : value.map((item) => `\`${JSON.stringify(item)}\``).join(', ');
  return `\`${JSON.stringify(value)}\``;
}

function description(schema) {
  const text = schema.markdownDescription ?? schema.description ?? '';
  if (!schema.enum) return text;
  const values = schema.enum.map((value, index) => {
    const meaning = schema.enumDescriptions?.[index];
    return meaning ? `\`${String(value)}\`: ${meaning}` : `\`${String(value)}\``;
  });
  return `${text} ${schema.enumDescriptions ? values.join(' ') : `One of ${values.join(', ')}.`}`;
}

function settingsTable(manifest) {
  const sections = [manifest.contributes?.configuration ?? []].flat();
  const settings = sections.flatMap((section) => Object.entries(section.properties ?? {}));
  settings.sort(([a], [b]) => a.localeCompare(b));
  return [
    '| setting | default | description |',
    '| --- | --- | --- |',
    ...settings.map(([key, schema]) => `| \`${key}\` | ${cell(defaultText(schema.default))} | ${cell(description(schema))} |`),
  ].join('\n');
}

function withTable(readme, table) {
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README has no settings markers (${start} … ${end})`);
  return `${readme.slice(0, from + start.length)}\n${table}\n${readme.slice(to)}`;
}

const readmeFile = option('--readme', path.join(root, 'README.md'));
const manifest = JSON.parse(readFileSync(option('--manifest', path.join(root, 'package.json')), 'utf8'));
const readme = readFileSync(readmeFile, 'utf8');
const updated = withTable(readme, settingsTable(manifest));
if (process.argv.includes('--check')) {
  if (updated !== readme) {
    console.error(`The settings table in ${path.relative(process.cwd(), readmeFile)} differs from package.json: run npm run readme:settings.`);
    process.exit(1);
  }
} else if (updated !== readme) {
  writeFileSync(readmeFile, updated);
  console.log(`Updated the settings table in ${path.relative(process.cwd(), readmeFile)}.`);
}

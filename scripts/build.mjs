// Builds every bundle with esbuild. Usage: node scripts/build.mjs [--production] [--watch] [--tests]
//   default       dist/extension.js, dist/cli.js, dist/webview/* with source maps
//   --production  the same, minified and without source maps (what `npm run package` ships)
//   --tests       also transpiles src/, test/ and bench/ into out/ for mocha, the harness and benchmarks
import { cp, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import * as esbuild from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const watch = args.has('--watch');
const withTests = args.has('--tests');
const manifest = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));

const shared = {
  absWorkingDir: root,
  bundle: true,
  minify: production,
  sourcemap: production ? false : 'linked',
  logLevel: 'warning',
  define: { TRACE_STITCH_VERSION: JSON.stringify(manifest.version) },
  // Tree-sitter queries of the propagation linter are imported as text.
  loader: { '.scm': 'text' },
};

const configs = [
  {
    ...shared,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    // The first statement of the bundle: activation is timed from here, module loading included.
    banner: { js: "'use strict'; var TRACE_STITCH_LOAD_STARTED = performance.now();" },
  },
  {
    ...shared,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
  },
  {
    ...shared,
    entryPoints: { viewer: 'webview/src/main.ts' },
    outdir: 'dist/webview',
    platform: 'browser',
    format: 'esm',
    target: 'chrome120',
  },
];

async function filesUnder(folder, extension) {
  const entries = await readdir(path.join(root, folder), { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(extension))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}

/** Sources to transpile; fixture workspaces under test/fixtures are data (code the linter reads), not tests. */
async function typeScriptFilesUnder(folder) {
  return (await filesUnder(folder, '.ts')).filter((file) => !file.endsWith('.d.ts') && !file.startsWith(path.join('test', 'fixtures')));
}

async function testConfig() {
  // demo/workspace is sample code for users to open, not part of the build.
  const typeScript = (await Promise.all(['src', 'test', 'bench', 'demo'].map(typeScriptFilesUnder)))
    .flat()
    .filter((file) => !file.startsWith(path.join('demo', 'workspace')));
  // Unbundled output keeps `require('./python.scm')`; Node resolves it to `python.scm.js`, the query as a module.
  const queries = (await filesUnder('src', '.scm')).map((file) => ({ in: file, out: file }));
  const entryPoints = [...typeScript.map((file) => ({ in: file, out: file.replace(/\.ts$/, '') })), ...queries];
  return {
    absWorkingDir: root,
    entryPoints,
    outdir: 'out',
    outbase: '.',
    bundle: false,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    logLevel: 'warning',
    loader: { '.scm': 'text' },
  };
}

/** The tree-sitter runtime and the grammars the propagation linter parses with (see src/core/propagation/runtime). */
const treeSitterWasm = ['tree-sitter', 'tree-sitter-python', 'tree-sitter-javascript', 'tree-sitter-typescript', 'tree-sitter-tsx', 'tree-sitter-go', 'tree-sitter-java'];

/** Files the bundles load at run time: the codicon font and its stylesheet for the webview, tree-sitter WASM for the linter. */
async function copyStaticAssets() {
  await mkdir(path.join(root, 'dist/wasm'), { recursive: true });
  const wasm = path.join(root, 'node_modules/@vscode/tree-sitter-wasm/wasm');
  await Promise.all(treeSitterWasm.map((name) => cp(path.join(wasm, `${name}.wasm`), path.join(root, 'dist/wasm', `${name}.wasm`))));
  await mkdir(path.join(root, 'dist/webview'), { recursive: true });
  const codicons = path.join(root, 'node_modules/@vscode/codicons/dist');
  await cp(path.join(codicons, 'codicon.css'), path.join(root, 'dist/webview/codicon.css'));
  await cp(path.join(codicons, 'codicon.ttf'), path.join(root, 'dist/webview/codicon.ttf'));
}

if (!watch) await rm(path.join(root, 'dist'), { recursive: true, force: true });
if (withTests && !watch) await rm(path.join(root, 'out'), { recursive: true, force: true });
if (withTests) configs.push(await testConfig());
await copyStaticAssets();

/** Prints the markers the VS Code watch task's problem matcher waits for. */
const watchMarkers = {
  name: 'watch-markers',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const error of result.errors) {
        const where = error.location ? `${error.location.file}:${error.location.line}:${error.location.column}: ` : '';
        console.error(`✘ [ERROR] ${where}${error.text}`);
      }
      console.log('[watch] build finished');
    });
  },
};

if (watch) {
  for (const config of configs) {
    const context = await esbuild.context({ ...config, plugins: [watchMarkers] });
    await context.watch();
  }
} else {
  await Promise.all(configs.map((config) => esbuild.build(config)));
}

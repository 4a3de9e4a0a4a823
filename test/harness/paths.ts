import path from 'node:path';

/** The repository root; compiled harness files live in out/test/harness. */
export const repoRoot = path.resolve(__dirname, '..', '..', '..');
/** Cache for the provisioned VS Code server and runner packages; survives between runs. */
export const cacheDir = process.env.TRACE_STITCH_VSCODE_CACHE ?? path.join(repoRoot, '.vscode-test');
/** Screenshots, logs and result files of the last run. */
export const resultsDir = path.join(repoRoot, 'test-results');
export const compiledTestsDir = path.join(repoRoot, 'out', 'test');

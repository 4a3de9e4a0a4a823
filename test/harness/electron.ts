import path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { compiledTestsDir, repoRoot } from './paths';
import { copyWorkspace } from './testServer';

/**
 * `npm run test:electron`: the same integration suites under @vscode/test-electron, for machines that can
 * download desktop VS Code (it needs a network path to update.code.visualstudio.com).
 */
async function main(): Promise<void> {
  try {
    await runTests({
      version: process.env.TRACE_STITCH_VSCODE_VERSION ?? '1.100.3',
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(compiledTestsDir, 'integration', 'index.js'),
      launchArgs: [copyWorkspace('workspace'), '--disable-extensions', '--disable-workspace-trust'],
    });
  } catch (error) {
    console.error(
      'The @vscode/test-electron run failed. If VS Code could not be downloaded, this machine cannot reach ' +
        'update.code.visualstudio.com: use `npm test`, which runs the same suites in a VS Code server instead.',
    );
    console.error(error);
    process.exitCode = 1;
  }
}

void main();

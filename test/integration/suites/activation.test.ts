import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { extensionLogsDirOption } from '../../support/runnerProtocol';
import { activeExtension, contributedCommands, extensionId } from '../extension';
import { hostOptions } from '../hostOptions';
import { poll } from '../waitFor';

describe('Activation', () => {
  it('activates the installed extension', async () => {
    const extension = await activeExtension();
    assert.equal(extension.isActive, true);
    assert.equal((extension.packageJSON as { publisher: string }).publisher, 'trace-stitch');
  });

  it('registers every command it contributes', async () => {
    const extension = await activeExtension();
    const contributed = contributedCommands(extension).map((entry) => entry.command);
    assert.ok(contributed.length > 0, 'package.json contributes no commands');
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((command) => !registered.has(command));
    assert.deepEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
  });

  it('writes to its "Trace Stitch" log channel', async function () {
    const logsDir = hostOptions.current[extensionLogsDirOption];
    if (!logsDir) this.skip(); // only the VS Code server harness tells us where this window's logs are
    await activeExtension();
    const logFile = path.join(logsDir, extensionId, 'Trace Stitch.log');
    const activated = /\[info\] Trace Stitch \d+\.\d+\.\d+ activated/;
    // The channel writes through a buffered logger: wait for the line to reach the file.
    await poll(
      () => (existsSync(logFile) && activated.test(readFileSync(logFile, 'utf8')) ? true : undefined),
      `the activation line in ${logFile}`,
    );
  });
});

import path from 'node:path';
import { packageExtension } from '../../test/harness/packages';
import { compiledTestsDir } from '../../test/harness/paths';
import { copyWorkspace, runInHost, startTestServer } from '../../test/harness/testServer';
import { launchChromium } from '../../test/harness/workbench';
import { report } from '../report';

/** Activation time of the packaged extension in the real VS Code: one fresh window (extension host) per run. */
export async function benchActivation(runs = 7): Promise<void> {
  const server = await startTestServer('bench', await packageExtension());
  const browser = await launchChromium();
  try {
    const entry = path.join(compiledTestsDir, '..', 'bench', 'activation', 'inHost.js');
    const folder = copyWorkspace('workspace');
    const samples: number[] = [];
    for (let run = 0; run < runs; run++) {
      samples.push((await runInHost(browser, server, folder, entry, {}, 120_000)) as number);
    }
    report('activation', samples, 'ms');
  } finally {
    await browser.close();
    await server.stop();
  }
}

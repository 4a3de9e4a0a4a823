import * as assert from 'node:assert/strict';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { saveScreenshot, setWorkspaceSetting } from '../harness/workbench';
import { useWorkbench } from './session';

describe('Built-in receiver (e2e)', () => {
  const workbench = useWorkbench();
  let blocker: Server | undefined;

  afterEach(() => {
    blocker?.close();
    blocker = undefined;
  });

  it('shows a clear, non-blocking warning with a way out when its port is taken', async () => {
    const { page, folder } = workbench();
    blocker = createServer();
    const server = blocker;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const taken = (server.address() as AddressInfo).port;
    setWorkspaceSetting(folder, 'traceStitch.receiver.otlpPort', taken);
    const toast = page.locator('.notifications-toasts .notification-toast').filter({ hasText: `port ${taken} on 127.0.0.1 is already in use` });
    await toast.waitFor({ timeout: 30_000 });
    const text = (await toast.textContent()) ?? '';
    assert.match(text, /the built-in OTLP receiver is not running/);
    assert.match(text, /Set traceStitch\.receiver\.otlpPort to a free port/);
    assert.equal(await toast.getByRole('button', { name: 'Change Port' }).count(), 1);
    assert.equal(await toast.getByRole('button', { name: 'Show Log' }).count(), 1);
    await saveScreenshot(page, 'receiver-port-in-use');
  });
});

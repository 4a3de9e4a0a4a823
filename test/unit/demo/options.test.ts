import * as assert from 'node:assert/strict';
import { parseDemoOptions } from '../../../demo/options';

describe('npm run demo options', () => {
  it('defaults to the well-known ports and the browser VS Code', () => {
    assert.deepEqual(parseDemoOptions([]), { port: 8585, otlpPort: 4318, zipkinPort: 9411, desktop: false, workDir: undefined, help: false });
  });

  it('takes ports, a work folder and --desktop', () => {
    const options = parseDemoOptions(['--port', '9000', '--otlp-port', '14318', '--zipkin-port', '19411', '--work-dir', '/tmp/demo', '--desktop']);
    assert.deepEqual(options, { port: 9000, otlpPort: 14318, zipkinPort: 19411, desktop: true, workDir: '/tmp/demo', help: false });
  });

  it('says what is wrong with a bad option', () => {
    assert.throws(() => parseDemoOptions(['--port', 'http']), /--port needs a port number, got http/);
    assert.throws(() => parseDemoOptions(['--otlp-port', '70000']), /--otlp-port needs a port number/);
    assert.throws(() => parseDemoOptions(['--work-dir']), /--work-dir needs a folder/);
    assert.throws(() => parseDemoOptions(['--open']), /unknown option --open/);
  });
});

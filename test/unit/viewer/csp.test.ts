import * as assert from 'node:assert/strict';
import { viewerContentSecurityPolicy } from '../../../src/core/viewer/csp';

describe('viewer content security policy', () => {
  it('allows nothing by default, scripts only with the nonce, and nothing inline or remote', () => {
    const policy = viewerContentSecurityPolicy('abc123', 'https://file+.vscode-resource.vscode-cdn.net');
    const directives = new Map(policy.split('; ').map((directive) => [directive.split(' ')[0], directive]));
    assert.equal(directives.get('default-src'), "default-src 'none'");
    assert.equal(directives.get('script-src'), "script-src 'nonce-abc123'");
    assert.ok(!policy.includes('unsafe-inline') && !policy.includes('unsafe-eval') && !policy.includes('*'));
    assert.ok(!/https?:\/\/(?!file\+\.vscode-resource)/.test(policy), 'no other origin');
  });
});

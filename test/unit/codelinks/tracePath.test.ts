import * as assert from 'node:assert/strict';
import { resolveTracePath, type WorkspaceIndex } from '../../../src/core/codelinks/tracePath';

const workspace: WorkspaceIndex = {
  folders: ['/home/dev/shop'],
  files: [
    '/home/dev/shop/services/orders/server.py',
    '/home/dev/shop/services/orders/util.py',
    '/home/dev/shop/services/users/server.py',
    '/home/dev/shop/services/frontend/src/server.js',
    '/home/dev/shop/java/src/main/java/com/example/orders/OrderController.java',
  ],
};

describe('resolveTracePath', () => {
  it('applies the longest matching path mapping', () => {
    const mappings = [
      { from: '/app', to: '/home/dev/shop' },
      { from: '/app/orders', to: '/home/dev/shop/services/orders' },
    ];
    assert.deepEqual(resolveTracePath('/app/orders/server.py', workspace, mappings), {
      kind: 'resolved',
      file: '/home/dev/shop/services/orders/server.py',
      how: 'mapping',
    });
  });

  it('opens an absolute path that already lies in the workspace', () => {
    assert.deepEqual(resolveTracePath('/home/dev/shop/services/orders/util.py', workspace, []), {
      kind: 'resolved',
      file: '/home/dev/shop/services/orders/util.py',
      how: 'workspace',
    });
  });

  it('falls back to the unique longest matching suffix', () => {
    assert.deepEqual(resolveTracePath('/app/orders/server.py', workspace, []), {
      kind: 'resolved',
      file: '/home/dev/shop/services/orders/server.py',
      how: 'suffix',
    });
    assert.deepEqual(resolveTracePath('com/example/orders/OrderController.java', workspace, []), {
      kind: 'resolved',
      file: '/home/dev/shop/java/src/main/java/com/example/orders/OrderController.java',
      how: 'suffix',
    });
  });

  it('reports ambiguity with every equally good candidate', () => {
    assert.deepEqual(resolveTracePath('/srv/server.py', workspace, []), {
      kind: 'ambiguous',
      candidates: ['/home/dev/shop/services/orders/server.py', '/home/dev/shop/services/users/server.py'],
      suffix: 'server.py',
    });
  });

  it('refuses an absolute path outside the workspace that no workspace file matches', () => {
    const result = resolveTracePath('/etc/shadow', workspace, []);
    assert.equal(result.kind, 'refused');
    assert.match(result.reason, /outside the workspace/);
  });

  it('refuses paths with ".." segments, even when they would land inside the workspace', () => {
    for (const path of [
      '/home/dev/shop/services/../services/orders/server.py',
      '../../etc/passwd',
      'C:\\app\\..\\secrets.txt',
    ]) {
      const result = resolveTracePath(path, workspace, []);
      assert.equal(result.kind, 'refused', path);
      assert.match(result.reason, /"\.\." segment/);
    }
  });

  it('refuses URIs with schemes other than file', () => {
    for (const uri of ['https://evil.example/server.py', 'vscode://settings/x.py', 'command:workbench.action.quit', 'javascript:alert(1)']) {
      const result = resolveTracePath(uri, workspace, []);
      assert.equal(result.kind, 'refused', uri);
      assert.match(result.reason, /URI; only files can be opened/);
    }
  });

  it('accepts file URIs and resolves them like paths', () => {
    assert.deepEqual(resolveTracePath('file:///app/orders/server.py', workspace, []), {
      kind: 'resolved',
      file: '/home/dev/shop/services/orders/server.py',
      how: 'suffix',
    });
  });

  it('refuses a path mapping that points outside the workspace', () => {
    const result = resolveTracePath('/app/orders/server.py', workspace, [{ from: '/app', to: '/etc' }]);
    assert.deepEqual(result, { kind: 'refused', reason: 'The path mapping for "/app" leads outside the workspace' });
  });

  it('says when a workspace path does not exist or nothing matches a relative path', () => {
    assert.equal(resolveTracePath('/home/dev/shop/missing.py', workspace, []).kind, 'not-found');
    assert.equal(resolveTracePath('lib/unknown.rb', workspace, []).kind, 'not-found');
    assert.equal(resolveTracePath('   ', workspace, []).kind, 'not-found');
  });
});

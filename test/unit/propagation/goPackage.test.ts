import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { goClientFieldsIn } from '../../../src/core/propagation/languages/go/clientFields';
import { defaultPropagationOptions } from '../../../src/core/propagation/options';
import { ProjectFactsResolver } from '../../../src/core/propagation/project/detect';
import { nodeProjectReader } from '../../../src/core/propagation/project/nodeReader';
import { sharedEngine } from '../../support/propagationEngine';

const server = `package main

import (
	nethttp "net/http"
)

type api struct {
	plain, spare *nethttp.Client
	traced       nethttp.Client
	name         string
}
`;

const handlers = `package main

import "net/http"

func (a *api) ready(w http.ResponseWriter, r *http.Request) {
	resp, err := a.plain.Get("http://accounts:8080/readyz")
	if err == nil {
		resp.Body.Close()
	}
}
`;

describe('Go: client fields declared in another file of the package', () => {
  it('reads the *http.Client fields of a Go source, under the import name of net/http', () => {
    assert.deepEqual(goClientFieldsIn(server), ['plain', 'spare', 'traced']);
    assert.deepEqual(goClientFieldsIn('package main\n\ntype t struct {\n\tc *http.Client\n}\n'), [], 'no net/http import');
    assert.deepEqual(goClientFieldsIn('package main\n\nimport "net/http"\n\nfunc f(c *http.Client) {}\n'), [], 'a parameter is no field');
  });

  it('reports a call on a field that another file of the package declares', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'trace-stitch-go-package-'));
    try {
      writeFileSync(path.join(folder, 'go.mod'), 'module example.com/ledger\n\ngo 1.22\n');
      writeFileSync(path.join(folder, 'server.go'), server);
      writeFileSync(path.join(folder, 'handlers.go'), handlers);
      const engine = await sharedEngine();
      const file = path.join(folder, 'handlers.go');
      const alone = engine.analyze({ path: file, text: handlers, options: defaultPropagationOptions });
      assert.equal(alone.findings.length, 0, 'read alone, a.plain is not known for a client');
      const facts = await new ProjectFactsResolver(nodeProjectReader, folder).factsFor(file);
      assert.deepEqual([...(facts.goClientFields ?? [])].sort(), ['plain', 'spare', 'traced']);
      const withPackage = engine.analyze({ path: file, text: handlers, options: defaultPropagationOptions, facts });
      assert.deepEqual(
        withPackage.findings.map((finding) => [finding.line, finding.ruleId]),
        [[6, 'missing-propagation']],
      );
      // A package file that changes is read again once its package is invalidated, and only then.
      const resolver = new ProjectFactsResolver(nodeProjectReader, folder);
      await resolver.factsFor(file);
      writeFileSync(path.join(folder, 'server.go'), server.replace('name         string', 'extra *nethttp.Client'));
      assert.ok(!(await resolver.factsFor(file)).goClientFields?.has('extra'), 'facts are kept until invalidated');
      resolver.invalidateGoPackage(folder);
      assert.ok((await resolver.factsFor(file)).goClientFields?.has('extra'));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

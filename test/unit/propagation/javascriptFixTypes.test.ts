import * as assert from 'node:assert/strict';
import ts from 'typescript';
import { forwardFirst } from '../../support/forwardFix';

/** Just enough of NestJS and axios, typed, for the controller to compile without the packages. */
const declarations = `
declare module '@nestjs/common' {
  export function Controller(prefix?: string): ClassDecorator;
  export function Get(path?: string): MethodDecorator;
  export function Headers(name?: string): ParameterDecorator;
}
declare module 'axios' {
  interface Config { headers?: Record<string, string | undefined>; timeout?: number }
  const axios: { get(url: string, config?: Config): Promise<{ data: unknown }> };
  export default axios;
}
`;

/** Type errors of the sources (file name → text) compiled strictly together, with Node's types and the declarations above. */
function typeErrors(sources: Readonly<Record<string, string>>): string[] {
  const files = new Map([...Object.entries(sources).map(([name, text]): [string, string] => [`/virtual/${name}`, text]), ['/virtual/modules.d.ts', declarations]]);
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    lib: ['lib.es2022.d.ts'],
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    experimentalDecorators: true,
    types: ['node'],
    typeRoots: [`${process.cwd()}/node_modules/@types`],
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version) => {
    const text = files.get(name);
    return text === undefined ? getSourceFile(name, version) : ts.createSourceFile(name, text, version);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => files.has(name) || fileExists(name);
  const program = ts.createProgram([...files.keys()], options, host);
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => `${diagnostic.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`);
}

describe('Propagation quick fixes: the TypeScript they write type-checks', function () {
  this.timeout(60_000);

  it('the helper with Node headers (http.createServer), a fetch Request (Next.js app router) and a NestJS @Headers() parameter', async () => {
    const node = `import * as http from 'node:http';
import * as https from 'node:https';

http.createServer((req, res) => {
  https.get('https://a.example/x', (up) => up.pipe(res));
}).listen(0);

export async function GET(request: Request): Promise<Response> {
  return fetch('http://b:8080/x', { method: 'GET' });
}
`;
    const once = (await forwardFirst('/w/app/api/x/route.ts', node)).fixed;
    const server = (await forwardFirst('/w/app/api/x/route.ts', once)).fixed;
    assert.match(server, /forwardTraceHeaders\(request\.headers\)/);

    const nest = `import { Controller, Get } from '@nestjs/common';
import axios from 'axios';

@Controller('invoices')
export class InvoicesController {
  @Get()
  async list(): Promise<unknown> {
    return (await axios.get('http://db:3000/invoices', { timeout: 500 })).data;
  }
}
`;
    const controller = (await forwardFirst('/w/src/invoices.controller.ts', nest)).fixed;
    assert.match(controller, /@Headers\(\) incomingHeaders/);
    assert.notDeepEqual(typeErrors({ 'broken.ts': nest.replace('async list()', 'async list(id: number = "7")') }), [], 'the check sees type errors');
    assert.deepEqual(typeErrors({ 'route.ts': server, 'invoices.controller.ts': controller }), [], `${server}\n${controller}`);
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { codeServerVersion } from './vscodeServer';
import { cacheDir } from './paths';

/** The VS Code version inside the provisioned server, read from its product package. */
export function readVsCodeVersion(): string {
  const file = path.join(cacheDir, `code-server-${codeServerVersion}`, 'node_modules', 'code-server', 'lib', 'vscode', 'package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

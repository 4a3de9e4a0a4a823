import type { SyntaxNode } from '../runtime/syntaxTree';
import type { InboundHandler } from '../model';
import type { TextEdit } from './model';
import { importedName, isFreeName, type PythonImport } from './pythonImports';

/** How a fix reaches the incoming request's headers in a handler, and what it must add to the file for that. */
export interface PythonIncoming {
  /** The expression of the incoming headers: `request.headers`, or a headers parameter. */
  readonly headers: string;
  readonly imports: readonly PythonImport[];
  readonly edits: readonly TextEdit[];
}

const requestParameterNames = /^(request|req|http_request|incoming_request|incoming)$/;
/** Frameworks whose handlers always receive the request object itself. */
const requestObjectFrameworks = new Set(['django', 'aiohttp', 'starlette']);

/**
 * The incoming headers of `handler`: through its request parameter, Flask's or Quart's `request` (imported when the
 * file does not import it yet), or a `request: Request` parameter added to a FastAPI path operation (one whose only
 * link to the request is a `Header()` parameter too).
 */
export function pythonIncoming(handler: InboundHandler | undefined, root: SyntaxNode, text: string): PythonIncoming | undefined {
  const parameter = handler?.requestParameter?.name;
  const span = handler?.requestParameter?.span;
  // A FastAPI `Header()` parameter holds one header's value, not the request: the helper needs the request itself.
  const oneHeader = span !== undefined && /\bHeader\s*\(/.test(text.slice(span.startOffset, span.endOffset));
  if (parameter !== undefined && !oneHeader) {
    if (/headers$/i.test(parameter)) return { headers: parameter, imports: [], edits: [] };
    if (requestParameterNames.test(parameter) || requestObjectFrameworks.has(handler?.framework ?? '')) {
      return { headers: `${parameter}.headers`, imports: [], edits: [] };
    }
  }
  const proxy = importedName(root, 'flask', 'request') ?? importedName(root, 'quart', 'request');
  if (proxy !== undefined) return { headers: `${proxy}.headers`, imports: [], edits: [] };
  if (handler?.framework === 'flask' || handler?.framework === 'quart') return importedProxy(handler.framework, text);
  if (handler?.framework === 'fastapi' && (parameter === undefined || oneHeader)) return addedRequestParameter(handler, root, text);
  return undefined;
}

/** Flask and Quart hand handlers the request through their `request` proxy: import it (under another name if taken). */
function importedProxy(module: 'flask' | 'quart', text: string): PythonIncoming | undefined {
  const local = ['request', `${module}_request`].find((name) => isFreeName(text, name));
  return local === undefined ? undefined : { headers: `${local}.headers`, imports: [{ module, name: 'request', local }], edits: [] };
}

/** FastAPI hands a path operation the request when it declares a `Request` parameter: add one. */
function addedRequestParameter(handler: InboundHandler, root: SyntaxNode, text: string): PythonIncoming | undefined {
  const fn = functionOf(handler, root);
  const parameters = fn?.childForFieldName('parameters');
  if (!fn || parameters?.type !== 'parameters') return undefined;
  const name = ['request', 'incoming_request'].find((candidate) => isFreeName(fn.text, candidate));
  const bound = importedName(root, 'fastapi', 'Request') ?? importedName(root, 'starlette.requests', 'Request');
  const typeName = bound ?? ['Request', 'FastAPIRequest'].find((candidate) => isFreeName(text, candidate));
  if (name === undefined || typeName === undefined) return undefined;
  const declaration = `${name}: ${typeName}`;
  const listed = parameters.namedChildren.filter((child) => child.type !== 'comment');
  const first = listed[0];
  // FastAPI matches parameters by name and type, so the new one goes first (after `self`), ahead of any default.
  const edit: TextEdit =
    first && /^(self|cls)$/.test(first.text)
      ? { startOffset: first.endIndex, endOffset: first.endIndex, newText: `, ${declaration}` }
      : { startOffset: parameters.startIndex + 1, endOffset: parameters.startIndex + 1, newText: first ? `${declaration}, ` : declaration };
  return { headers: `${name}.headers`, imports: bound === undefined ? [{ module: 'fastapi', name: 'Request', local: typeName }] : [], edits: [edit] };
}

function functionOf(handler: InboundHandler, root: SyntaxNode): SyntaxNode | undefined {
  const name = handler.nameSpan;
  if (!name) return undefined;
  const parent = root.descendantForIndex(name.startOffset, name.endOffset)?.parent;
  return parent?.type === 'function_definition' ? parent : undefined;
}

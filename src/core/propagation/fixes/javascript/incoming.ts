import type { SyntaxNode } from '../../runtime/syntaxTree';
import { field } from '../../analysis/nodes';
import type { RequestRoot } from '../../analysis/roots';
import { javascriptParameterRoots } from '../../languages/javascript/module';
import { javascriptSyntax } from '../../languages/javascript/syntax';
import type { InboundHandler } from '../../model';
import type { TextEdit } from '../model';
import { indentationAt } from '../text';

/** Where a JavaScript/TypeScript handler has the incoming headers. */
export interface JavaScriptIncoming {
  /** The headers as an expression in the handler: `req.headers`, `ctx.headers`, `request.headers`, `headers`. */
  readonly headers: string;
  /** Edits that give the handler its headers first: a NestJS `@Headers()` parameter and its import. */
  readonly edits: readonly TextEdit[];
}

const plainName = /^[A-Za-z_$][\w$]*$/;
/** Names for an added headers parameter, all of which the analysis reads as the incoming headers. */
const parameterNames = ['incomingHeaders', 'requestHeaders', 'inboundHeaders'];

/** Inserts `item` into a comma-separated list: before `before`, or after `last`, keeping one item per line if the list does. */
function listInsertion(first: SyntaxNode, last: SyntaxNode, before: SyntaxNode | undefined, item: string, text: string): TextEdit {
  const open = first.parent?.startIndex ?? first.startIndex;
  const separator = text.slice(open, first.startIndex).includes('\n') ? `,\n${indentationAt(text, first.startIndex)}` : ', ';
  return before
    ? { startOffset: before.startIndex, endOffset: before.startIndex, newText: `${item}${separator}` }
    : { startOffset: last.endIndex, endOffset: last.endIndex, newText: `${separator}${item}` };
}

/** NestJS's `Headers` decorator as the file imports it, with the edit that adds it to the import when it is missing. */
function nestHeadersDecorator(root: SyntaxNode, text: string): { edit?: TextEdit } | undefined {
  const nestImport = root.namedChildren.find(
    (child) => child.type === 'import_statement' && !child.children.some((token) => token.type === 'type') && javascriptSyntax.stringValue(field(child, 'source') ?? child) === '@nestjs/common',
  );
  const named = nestImport?.namedChildren.find((child) => child.type === 'import_clause')?.namedChildren.find((child) => child.type === 'named_imports');
  const specifiers = named?.namedChildren.filter((child) => child.type === 'import_specifier') ?? [];
  const imported = specifiers.find((specifier) => field(specifier, 'name')?.text === 'Headers');
  // The analysis knows the decorator by its name; another `Headers` in the file (fetch's) must not be shadowed.
  if (imported) return field(imported, 'alias') ? undefined : {};
  const [first] = specifiers;
  const last = specifiers.at(-1);
  if (!first || !last || /\bHeaders\b/.test(text)) return undefined;
  const names = specifiers.map((specifier) => field(specifier, 'name')?.text ?? '');
  const sorted = names.every((name, index) => index === 0 || (names[index - 1] ?? '') <= name);
  const before = sorted ? specifiers.find((_, index) => (names[index] ?? '') > 'Headers') : undefined;
  return { edit: listInsertion(first, last, before, 'Headers', text) };
}

/** A NestJS method without the request or its headers: a `@Headers()` parameter gives it all incoming headers. */
function nestHeadersParameter(method: SyntaxNode, root: SyntaxNode, text: string, typed: boolean): JavaScriptIncoming | undefined {
  const list = field(method, 'parameters');
  const decorator = list ? nestHeadersDecorator(root, text) : undefined;
  const name = parameterNames.find((candidate) => !new RegExp(`\\b${candidate}\\b`).test(method.text));
  if (!list || !decorator || name === undefined) return undefined;
  const parameter = `@Headers() ${name}${typed ? ': Record<string, string | string[] | undefined>' : ''}`;
  const parameters = list.namedChildren.filter((child) => child.type !== 'comment');
  const [first] = parameters;
  const last = parameters.at(-1);
  const edit = first && last ? listInsertion(first, last, undefined, parameter, text) : { startOffset: list.startIndex + 1, endOffset: list.startIndex + 1, newText: parameter };
  return { headers: name, edits: decorator.edit ? [edit, decorator.edit] : [edit] };
}

/**
 * The incoming headers in the handler around an outbound call: its headers parameter, or the headers of its request
 * (Express/Next.js `req`, Koa `ctx`, Fastify `request`, a fetch `Request`, an `http.createServer` callback's `req`);
 * a NestJS method that has neither gets a `@Headers()` parameter.
 */
export function javascriptIncoming(handler: InboundHandler | undefined, handlerNode: SyntaxNode | undefined, root: SyntaxNode, text: string, typed: boolean): JavaScriptIncoming | undefined {
  if (!handler || !handlerNode) return undefined;
  const roots = [...javascriptParameterRoots(handlerNode)];
  const named = (kind: RequestRoot['kind']): string | undefined => roots.find(([name, found]) => found.kind === kind && plainName.test(name))?.[0];
  const headers = named('headers');
  if (headers !== undefined) return { headers, edits: [] };
  const request = named('request');
  if (request !== undefined) return { headers: `${request}.headers`, edits: [] };
  return handler.framework === 'nestjs' && handlerNode.type === 'method_definition' ? nestHeadersParameter(handlerNode, root, text, typed) : undefined;
}

import type { SyntaxNode } from '../../runtime/syntaxTree';
import type { CallShape, Syntax } from '../../analysis/syntax';
import { optionsIndex } from '../../languages/javascript/clients';
import type { OutboundLibrary } from '../../model';
import type { TextEdit } from '../model';
import { addArgument, argumentKind, carryHeaders } from './arguments';

const axiosVerbs = /^(get|post|put|patch|delete|head|options)$/;

/** The options argument at `index` made to carry the headers, or a new one there. */
function optionsAt(shape: CallShape, index: number, forwarded: string, syntax: Syntax, text: string): TextEdit | undefined {
  const options = shape.args[index];
  return options ? carryHeaders(options, forwarded, syntax, text) : addArgument(shape.args, index, `{ headers: ${forwarded} }`);
}

/** `http.request(options[, cb])`, `https.get(url[, options][, cb])`: the options follow a URL, before the callback. */
function nodeHttpEdit(shape: CallShape, forwarded: string, syntax: Syntax, text: string): TextEdit | undefined {
  const [first, second] = shape.args;
  if (!first) return undefined;
  switch (argumentKind(first, syntax)) {
    case 'options':
      return carryHeaders(first, forwarded, syntax, text);
    case 'url':
      return second && !syntax.functionTypes.has(second.type) ? carryHeaders(second, forwarded, syntax, text) : addArgument(shape.args, 1, `{ headers: ${forwarded} }`);
    default:
      return undefined;
  }
}

/** `axios(config)`, `axios(url[, config])`, `axios.request(config)`, `axios.get(url[, config])`, `api.post(url, data[, config])`. */
function axiosEdit(shape: CallShape, forwarded: string, syntax: Syntax, text: string): TextEdit | undefined {
  if (shape.receiver !== undefined && axiosVerbs.test(shape.name)) return optionsAt(shape, optionsIndex('axios', shape.name), forwarded, syntax, text);
  const first = shape.args[0];
  const kind = first ? argumentKind(first, syntax) : undefined;
  if (first && kind === 'options') return carryHeaders(first, forwarded, syntax, text);
  return kind === 'url' && shape.name !== 'request' ? optionsAt(shape, 1, forwarded, syntax, text) : undefined;
}

/**
 * The edit that makes an outbound call send `forwarded` (an expression for a headers object), for each call shape
 * the JavaScript analysis recognises; undefined when the call cannot be edited safely (options from elsewhere).
 */
export function forwardingCallEdit(callNode: SyntaxNode, library: OutboundLibrary, forwarded: string, syntax: Syntax, text: string): TextEdit | undefined {
  const shape = syntax.call(callNode);
  if (!shape || shape.spreads.length > 0) return undefined;
  switch (library) {
    case 'superagent':
      // `.set(headers)` returns the request, so the chain (and an `await` in front of it) goes on unchanged.
      return { startOffset: callNode.endIndex, endOffset: callNode.endIndex, newText: `.set(${forwarded})` };
    case 'node-http':
      return nodeHttpEdit(shape, forwarded, syntax, text);
    case 'axios':
      return axiosEdit(shape, forwarded, syntax, text);
    case 'undici': {
      // A Client/Pool/Agent takes the options first (`client.request({ path, headers })`); the module takes a URL first.
      const first = shape.args[0];
      const onInstance = shape.receiver !== undefined && first !== undefined && argumentKind(first, syntax) === 'options';
      return optionsAt(shape, onInstance ? 0 : 1, forwarded, syntax, text);
    }
    default:
      // fetch, node-fetch, got: `(url[, options])`.
      return optionsAt(shape, 1, forwarded, syntax, text);
  }
}

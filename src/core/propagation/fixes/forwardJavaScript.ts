import type { SyntaxNode } from '../runtime/syntaxTree';
import type { Syntax } from '../analysis/syntax';
import type { OutboundCall } from '../model';
import { forwardingCallEdit } from './javascript/callEdit';
import { javascriptHelperEdit, javascriptHelperName } from './javascript/helper';
import type { JavaScriptIncoming } from './javascript/incoming';
import type { FixProposal } from './model';

/** Passes the helper's headers on the call (merged with headers already given) and adds the helper once per file. */
export function forwardJavaScript(root: SyntaxNode, syntax: Syntax, callNode: SyntaxNode, call: OutboundCall, incoming: JavaScriptIncoming, headers: readonly string[], text: string, typed: boolean): FixProposal | undefined {
  const helperCall = `${javascriptHelperName}(${incoming.headers})`;
  const edit = forwardingCallEdit(callNode, call.library, helperCall, syntax, text);
  if (!edit) return undefined;
  const helper = javascriptHelperEdit(root, text, headers, typed);
  const added = incoming.edits.length > 0 ? `, with a @Headers() ${incoming.headers} parameter` : '';
  return {
    title: `Forward the trace headers of the incoming request (${helperCall}${added})`,
    kind: 'forward-headers',
    edits: [edit, ...incoming.edits, ...(helper ? [helper] : [])],
    preferred: true,
  };
}

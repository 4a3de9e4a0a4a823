import type { CallShape, Syntax } from '../analysis/syntax';
import type { SyntaxNode } from '../runtime/syntaxTree';
import { unusedName } from './text';

/** Where Java fixes look around a call: its statement, its chain, the locals it uses. */

/** The statement a call belongs to (to insert a statement before it). */
export function statementOf(node: SyntaxNode): SyntaxNode | undefined {
  for (let current: SyntaxNode | null = node; current; current = current.parent) {
    if (/(_statement|local_variable_declaration)$/.test(current.type)) return current;
  }
  return undefined;
}

/** The method (or lambda) around a node. */
function enclosingMethod(node: SyntaxNode): SyntaxNode | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (/^(method_declaration|constructor_declaration|lambda_expression)$/.test(current.type)) return current;
  }
  return undefined;
}

/** The calls of a chain, outermost first, following receivers: `a.b().c()` → [c, b]. */
export function receiverChain(node: SyntaxNode, syntax: Syntax): CallShape[] {
  const shapes: CallShape[] = [];
  for (let current: SyntaxNode | undefined = node; current && shapes.length < 64; ) {
    const shape = syntax.call(current);
    if (!shape) break;
    shapes.push(shape);
    current = shape.receiver;
  }
  return shapes;
}

/** The expression a local variable was last given before `use`, in the method around it. */
export function initializerOf(name: string, use: SyntaxNode): SyntaxNode | undefined {
  const method = enclosingMethod(use);
  if (!method) return undefined;
  let found: SyntaxNode | undefined;
  const visit = (node: SyntaxNode): void => {
    if (node.startIndex >= use.startIndex) return;
    if (node.type === 'variable_declarator' && node.childForFieldName('name')?.text === name) found = node.childForFieldName('value') ?? undefined;
    else if (node.type === 'assignment_expression' && node.childForFieldName('left')?.text === name) found = node.childForFieldName('right') ?? undefined;
    for (const child of node.namedChildren) visit(child);
  };
  visit(method);
  return found;
}

/** A local's declared type, read from the method's text (`HttpEntity<String> entity = …`). */
export function declaredType(name: string, use: SyntaxNode, text: string): string | undefined {
  const declaration = new RegExp(`([\\w.]+)(?:<[^;=()]*>)?\\s+${name}\\s*[=;,)]`).exec(text.slice(0, use.startIndex).split('\n').slice(-200).join('\n'));
  return declaration?.[1];
}

/** A name for a new lambda parameter in the method around `node`: Java lets no lambda parameter hide a local. */
export function lambdaParameter(node: SyntaxNode): string | undefined {
  return unusedName(enclosingMethod(node)?.text ?? node.text, ['outgoing', 'outgoingRequest', 'traceRequest']);
}

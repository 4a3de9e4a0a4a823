import type { SyntaxNode } from '../runtime/syntaxTree';
import type { BindingSite, CallShape } from './syntax';

type Add = (name: string, site: BindingSite) => void;

/**
 * A call made as a statement may change the variable it is called on (`headers.update(…)`) and every variable
 * passed to it (`inject(carrier)`, `copy_headers(request, out)`); `innerArguments` reaches one call deeper
 * (`Inject(ctx, propagation.HeaderCarrier(req.Header))`).
 */
export function addCallStatement(
  statement: SyntaxNode,
  shape: CallShape | undefined,
  rootName: (node: SyntaxNode) => string | undefined,
  add: Add,
  innerArguments: (arg: SyntaxNode) => readonly SyntaxNode[] = () => [],
): void {
  if (!shape) return;
  const receiver = shape.receiver ? rootName(shape.receiver) : undefined;
  if (receiver !== undefined) add(receiver, { kind: 'mutation', node: statement });
  const passed = new Set<string>();
  for (const arg of [...shape.args, ...shape.named.values()]) {
    for (const node of [arg, ...innerArguments(arg)]) {
      const name = rootName(node);
      if (name !== undefined && name !== receiver) passed.add(name);
    }
  }
  for (const name of passed) add(name, { kind: 'mutation', node: statement });
}

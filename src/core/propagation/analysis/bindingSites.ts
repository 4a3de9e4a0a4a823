import type { Node } from '@vscode/tree-sitter-wasm';
import type { BindingSite, CallShape, Parameter } from './syntax';

type Add = (name: string, site: BindingSite) => void;

/**
 * Starts collecting a scope's bindings: a function's parameters are bindings, and its body holds the statements;
 * a file is its own body.
 */
export function parametersAndBody(scope: Node, functionTypes: ReadonlySet<string>, parameters: (fn: Node) => readonly Parameter[], add: Add): Node | undefined {
  if (!functionTypes.has(scope.type)) return scope;
  for (const parameter of parameters(scope)) add(parameter.name, { kind: 'parameter', node: parameter.node });
  return scope.childForFieldName('body') ?? undefined;
}

/**
 * A call made as a statement may change the variable it is called on (`headers.update(…)`) and every variable
 * passed to it (`inject(carrier)`, `copy_headers(request, out)`); `innerArguments` reaches one call deeper
 * (`Inject(ctx, propagation.HeaderCarrier(req.Header))`).
 */
export function addCallStatement(
  statement: Node,
  shape: CallShape | undefined,
  rootName: (node: Node) => string | undefined,
  add: Add,
  innerArguments: (arg: Node) => readonly Node[] = () => [],
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

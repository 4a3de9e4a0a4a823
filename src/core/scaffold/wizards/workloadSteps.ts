import { parseNamespace, parseServiceName, problemOf, valueOf } from '../inputs';
import { answerText, type Answers, type TextStep } from '../wizard';

/** When the steps are asked: always, or (the collector) only when Kubernetes objects are wanted. */
type Asked = Pick<TextStep, 'when' | 'condition'>;

/**
 * The two questions of the wizards that write Kubernetes workloads (collector, Jaeger): the namespace, and the name
 * shared by the ConfigMap, Deployment and Service. Answered under the ids `namespace` and `name`.
 */
export function workloadSteps(defaultName: string, namespacePrompt: string, asked: Asked = {}): TextStep[] {
  return [
    {
      kind: 'text',
      id: 'namespace',
      flag: 'namespace',
      title: 'Namespace',
      prompt: namespacePrompt,
      ...asked,
      initial: () => 'observability',
      validate: (text) => problemOf(parseNamespace(text)),
    },
    {
      kind: 'text',
      id: 'name',
      flag: 'name',
      title: 'Name',
      prompt: 'Name of the ConfigMap, Deployment and Service',
      ...asked,
      initial: () => defaultName,
      validate: (text) => problemOf(parseServiceName(text)),
    },
  ];
}

export function workloadPlacement(answers: Answers): { readonly namespace: string; readonly name: string } {
  return { namespace: valueOf(parseNamespace(answerText(answers, 'namespace'))), name: valueOf(parseServiceName(answerText(answers, 'name'))) };
}

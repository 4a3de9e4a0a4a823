import { parseJaegerRelease, parseNamespace, parsePositiveInteger, parseServiceName, problemOf, valueOf } from '../inputs';
import { buildJaeger, latestJaegerRelease } from '../jaeger';
import { answerText, type Wizard } from '../wizard';

export const jaegerWizard: Wizard = {
  id: 'jaeger',
  title: 'Jaeger v2 all-in-one for Kubernetes',
  summary: 'Jaeger v2 all-in-one (memory storage, OTLP 4317/4318, UI 16686, no sidecar): ConfigMap, Deployment, Service',
  steps: [
    {
      kind: 'text',
      id: 'namespace',
      flag: 'namespace',
      title: 'Namespace',
      prompt: 'Namespace for Jaeger',
      initial: () => 'observability',
      validate: (text) => problemOf(parseNamespace(text)),
    },
    {
      kind: 'text',
      id: 'name',
      flag: 'name',
      title: 'Name',
      prompt: 'Name of the ConfigMap, Deployment and Service',
      initial: () => 'jaeger',
      validate: (text) => problemOf(parseServiceName(text)),
    },
    {
      kind: 'pick',
      id: 'version',
      flag: 'jaeger-version',
      title: 'Jaeger release (image jaegertracing/jaeger)',
      choices: () => [{ id: latestJaegerRelease, label: latestJaegerRelease, detail: 'Newest v2 release known to Trace Stitch (July 2026)' }],
      initial: () => latestJaegerRelease,
      custom: { label: 'Use release', validate: (text) => problemOf(parseJaegerRelease(text)) },
    },
    {
      kind: 'text',
      id: 'maxTraces',
      flag: 'max-traces',
      title: 'Traces kept in memory',
      prompt: 'The in-memory store drops the oldest traces beyond this many',
      initial: () => '100000',
      validate: (text) => problemOf(parsePositiveInteger(text, 'The number of traces', 10_000_000)),
    },
  ],
  build(answers) {
    return {
      text: buildJaeger({
        namespace: valueOf(parseNamespace(answerText(answers, 'namespace'))),
        name: valueOf(parseServiceName(answerText(answers, 'name'))),
        version: valueOf(parseJaegerRelease(answerText(answers, 'version'))),
        maxTraces: valueOf(parsePositiveInteger(answerText(answers, 'maxTraces'), 'The number of traces')),
      }),
      languageId: 'yaml',
      fileName: 'jaeger.k8s.yaml',
    };
  },
};

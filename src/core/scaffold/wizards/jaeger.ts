import { parseJaegerRelease, parsePositiveInteger, problemOf, valueOf } from '../inputs';
import { buildJaeger, latestJaegerRelease } from '../jaeger';
import { answerText, type Wizard } from '../wizard';
import { workloadPlacement, workloadSteps } from './workloadSteps';

export const jaegerWizard: Wizard = {
  id: 'jaeger',
  title: 'Jaeger v2 all-in-one for Kubernetes',
  summary: 'Jaeger v2 all-in-one (memory storage, OTLP 4317/4318, UI 16686, no sidecar): ConfigMap, Deployment, Service',
  steps: [
    ...workloadSteps('jaeger', 'Namespace for Jaeger'),
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
        ...workloadPlacement(answers),
        version: valueOf(parseJaegerRelease(answerText(answers, 'version'))),
        maxTraces: valueOf(parsePositiveInteger(answerText(answers, 'maxTraces'), 'The number of traces')),
      }),
      languageId: 'yaml',
      fileName: 'jaeger.k8s.yaml',
    };
  },
};

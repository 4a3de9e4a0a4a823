import {
  parseCustomTags,
  parseLabels,
  parseNamespace,
  parsePercentage,
  parseProviderName,
  parseResourceName,
  parseTargetRefs,
  problemOf,
  valueOf,
} from '../inputs';
import { buildTelemetry, type MatchMode, type TelemetryScope } from '../telemetry';
import { answerText, type Answers, type Wizard } from '../wizard';

/** The provider choice meaning "omit `providers`: use the mesh's defaultProviders.tracing". */
export const meshDefaultProvider = '(default)';
/** What the mesh tracing provider wizard names its provider by default, offered when the workspace defines none. */
const suggestedProviderName = 'otel-tracing';

const scopeOf = (answers: Answers): string => answerText(answers, 'scope');

const namespace = (answers: Answers, id: string): string => valueOf(parseNamespace(answerText(answers, id)));

function scope(answers: Answers): TelemetryScope {
  switch (scopeOf(answers)) {
    case 'namespace':
      return { kind: 'namespace', namespace: namespace(answers, 'namespace') };
    case 'workload':
      return { kind: 'workload', namespace: namespace(answers, 'namespace'), matchLabels: valueOf(parseLabels(answerText(answers, 'selector'))) };
    case 'targetRefs':
      return { kind: 'targetRefs', namespace: namespace(answers, 'namespace'), targetRefs: valueOf(parseTargetRefs(answerText(answers, 'targetRefs'))) };
    default:
      return { kind: 'mesh', namespace: namespace(answers, 'rootNamespace') };
  }
}

function defaultName(answers: Answers): string {
  switch (scopeOf(answers)) {
    case 'namespace':
      return 'namespace-tracing';
    case 'workload': {
      const labels = parseLabels(answerText(answers, 'selector'));
      const first = labels.ok ? Object.values(labels.value)[0] : undefined;
      return first && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(first) ? `${first}-tracing` : 'workload-tracing';
    }
    case 'targetRefs':
      return 'targeted-tracing';
    default:
      return 'mesh-default';
  }
}

export const telemetryWizard: Wizard = {
  id: 'telemetry',
  title: 'Istio Telemetry (tracing)',
  summary: 'An Istio Telemetry resource (telemetry.istio.io/v1) that turns on and tunes tracing',
  steps: [
    {
      kind: 'pick',
      id: 'scope',
      flag: 'scope',
      title: 'Where should tracing apply?',
      choices: () => [
        { id: 'mesh', label: 'Whole mesh', detail: 'A selector-less Telemetry in the root namespace (istio-system)' },
        { id: 'namespace', label: 'One namespace', detail: 'A selector-less Telemetry in that namespace' },
        { id: 'workload', label: 'Workloads by label', detail: 'spec.selector.matchLabels' },
        { id: 'targetRefs', label: 'Services or gateways', detail: 'spec.targetRefs (Service, ServiceEntry, Gateway, GatewayClass)' },
      ],
      initial: () => 'mesh',
    },
    {
      kind: 'text',
      id: 'rootNamespace',
      flag: 'root-namespace',
      title: 'Root namespace of the mesh',
      prompt: 'The namespace istiod treats as the root (meshConfig.rootNamespace), usually istio-system',
      when: (answers) => scopeOf(answers) === 'mesh',
      condition: 'with --scope mesh',
      initial: () => 'istio-system',
      validate: (text) => problemOf(parseNamespace(text)),
    },
    {
      kind: 'text',
      id: 'namespace',
      flag: 'namespace',
      title: 'Namespace',
      prompt: 'The namespace of the Telemetry and of the workloads it applies to',
      when: (answers) => scopeOf(answers) !== 'mesh',
      condition: 'with --scope namespace, workload or targetRefs',
      initial: () => 'default',
      validate: (text) => problemOf(parseNamespace(text)),
    },
    {
      kind: 'text',
      id: 'selector',
      flag: 'selector',
      title: 'Workload labels',
      prompt: 'key=value pairs, comma-separated, e.g. app=reviews, version=v2',
      when: (answers) => scopeOf(answers) === 'workload',
      condition: 'with --scope workload',
      initial: () => 'app=reviews',
      validate: (text) => problemOf(parseLabels(text)),
    },
    {
      kind: 'text',
      id: 'targetRefs',
      flag: 'target-refs',
      title: 'Targets',
      prompt: 'Kind/name, comma-separated: Service/reviews, ServiceEntry/api, Gateway/ingress, GatewayClass/istio',
      when: (answers) => scopeOf(answers) === 'targetRefs',
      condition: 'with --scope targetRefs',
      initial: () => 'Service/reviews',
      validate: (text) => problemOf(parseTargetRefs(text)),
    },
    {
      kind: 'text',
      id: 'name',
      flag: 'name',
      title: 'Telemetry name',
      prompt: 'metadata.name of the Telemetry',
      initial: defaultName,
      validate: (text) => problemOf(parseResourceName(text)),
    },
    {
      kind: 'pick',
      id: 'provider',
      flag: 'provider',
      title: 'Tracing provider (an extensionProviders name of the mesh config)',
      choices: (_answers, context) => [
        ...(context.meshProviders.length > 0
          ? context.meshProviders.map((name) => ({ id: name, label: name, detail: 'Defined by a mesh config in this workspace' }))
          : [{ id: suggestedProviderName, label: suggestedProviderName, detail: 'The name "Mesh tracing provider" writes by default' }]),
        { id: meshDefaultProvider, label: 'Mesh default', detail: 'Omit providers: use meshConfig.defaultProviders.tracing' },
      ],
      initial: (_answers, context) => context.meshProviders[0] ?? suggestedProviderName,
      custom: { label: 'Use provider', validate: (text) => problemOf(parseProviderName(text)) },
    },
    {
      kind: 'text',
      id: 'sampling',
      flag: 'sampling',
      title: 'Sampling percentage',
      prompt: 'randomSamplingPercentage, 0–100; empty keeps the mesh default (1%)',
      initial: () => '10',
      validate: (text) => problemOf(parsePercentage(text)),
    },
    {
      kind: 'text',
      id: 'customTags',
      flag: 'custom-tags',
      title: 'Custom span tags',
      prompt: 'Optional: tag=literal:value, tag=header:x-user-id[:default], tag=env:POD_NAME[:default]',
      initial: () => '',
      validate: (text) => problemOf(parseCustomTags(text)),
    },
    {
      kind: 'pick',
      id: 'matchMode',
      flag: 'match-mode',
      title: 'Which side of each request should report spans?',
      choices: () => [
        { id: 'CLIENT_AND_SERVER', label: 'Client and server', detail: 'Default: outbound and inbound traffic' },
        { id: 'SERVER', label: 'Server only', detail: 'match.mode: SERVER' },
        { id: 'CLIENT', label: 'Client only', detail: 'match.mode: CLIENT' },
      ],
      initial: () => 'CLIENT_AND_SERVER',
    },
    {
      kind: 'pick',
      id: 'reporting',
      flag: 'span-reporting',
      title: 'Span reporting',
      choices: () => [
        { id: 'report', label: 'Report spans', detail: 'Default' },
        { id: 'disable', label: 'Disable span reporting', detail: 'disableSpanReporting: true — keep propagating context, send no spans' },
      ],
      initial: () => 'report',
    },
  ],
  build(answers) {
    const provider = answerText(answers, 'provider').trim();
    const name = valueOf(parseResourceName(answerText(answers, 'name')));
    return {
      text: buildTelemetry({
        name,
        scope: scope(answers),
        providers: provider === meshDefaultProvider ? [] : [provider],
        samplingPercentage: valueOf(parsePercentage(answerText(answers, 'sampling'))),
        customTags: valueOf(parseCustomTags(answerText(answers, 'customTags'))),
        matchMode: answerText(answers, 'matchMode') as MatchMode,
        disableSpanReporting: answerText(answers, 'reporting') === 'disable',
      }),
      languageId: 'yaml',
      fileName: `${name}.telemetry.yaml`,
    };
  },
};

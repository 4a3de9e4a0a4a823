import { findWizard, wizards } from '../../core/scaffold/wizards/index';
import { answersFromFlags, completeAnswers, emptyContext, type Wizard, type WizardStep } from '../../core/scaffold/wizard';
import type { CliCommand } from '../command';

function valueHint(step: WizardStep): string {
  if (step.kind === 'text') return '<text>';
  const ids = step.choices({}, emptyContext).map((choice) => choice.id);
  if (step.kind === 'multi') return `<${ids.join(',')}>`;
  return `<${ids.join('|')}${step.custom ? `|${step.custom.label.toLowerCase().replace(/^use /, '')}` : ''}>`;
}

function defaultHint(step: WizardStep, wizard: Wizard): string {
  const value = completeAnswers(wizard, {}, emptyContext)[step.id] ?? step.initial({}, emptyContext);
  const text = typeof value === 'string' ? value : value.join(',');
  return text === '' ? 'none' : text;
}

function wizardUsage(wizard: Wizard): string[] {
  const rows = wizard.steps.map((step) => ({
    left: `  --${step.flag} ${valueHint(step)}`,
    right: `${step.title} (default: ${defaultHint(step, wizard)}${step.condition ? `; only ${step.condition}` : ''})`,
  }));
  return [`${wizard.id} — ${wizard.summary}`, ...rows.map((row) => `${row.left}\n      ${row.right}`), ''];
}

const usage = [
  'Usage: trace-stitch scaffold <kind> [--flag value]...',
  '',
  'Prints what the matching "Trace Stitch" wizard writes for the same answers, for GitOps scripts:',
  '  trace-stitch scaffold telemetry --scope namespace --namespace shop --sampling 25 > telemetry.yaml',
  'Unanswered questions take the wizard’s defaults; lists are comma-separated. Exit code 2 on invalid answers.',
  '',
  'Kinds:',
  ...wizards.map((wizard) => `  ${wizard.id.padEnd(15)}${wizard.title}`),
  '',
  ...wizards.flatMap(wizardUsage),
].join('\n');

export const scaffoldCommand: CliCommand = {
  name: 'scaffold',
  summary: 'Print Istio Telemetry, mesh provider, collector, Jaeger or middleware scaffolding',
  usage,
  run(args, streams) {
    const [kind, ...flags] = args;
    const wizard = kind === undefined ? undefined : findWizard(kind);
    if (!wizard) {
      streams.stderr.write(`trace-stitch scaffold: ${kind === undefined ? 'name what to scaffold' : `unknown kind '${kind}'`}; one of ${wizards.map((candidate) => candidate.id).join(', ')}.\n`);
      return Promise.resolve(2);
    }
    const parsed = answersFromFlags(wizard, flags, emptyContext);
    if ('errors' in parsed) {
      streams.stderr.write(parsed.errors.map((error) => `trace-stitch scaffold ${wizard.id}: ${error}\n`).join(''));
      return Promise.resolve(2);
    }
    streams.stdout.write(wizard.build(parsed.answers).text);
    return Promise.resolve(0);
  },
};

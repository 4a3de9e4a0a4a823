/**
 * Scaffolding wizards as data: a list of steps (pick one, pick several, type text), each with its default, its
 * validation and the command-line flag that answers it, and a pure `build` from the answers to the document. The
 * VS Code QuickPick flow and `trace-stitch scaffold` both drive these, so the same answers give the same text.
 */
export type AnswerValue = string | readonly string[];
export type Answers = Readonly<Record<string, AnswerValue>>;

/** What a wizard may offer beyond its built-in choices: the tracing providers the workspace's mesh config defines. */
export interface WizardContext {
  readonly meshProviders: readonly string[];
}

export const emptyContext: WizardContext = { meshProviders: [] };

export interface Choice {
  readonly id: string;
  readonly label: string;
  readonly detail?: string;
}

interface StepBase {
  readonly id: string;
  /** Shown as the QuickPick's placeholder/prompt, and in `--help`. */
  readonly title: string;
  /** The command-line flag, without dashes. */
  readonly flag: string;
  /** Whether the step is asked, given the answers so far. */
  readonly when?: (answers: Answers) => boolean;
  /** When it is asked, in words for `--help` (present exactly when `when` is). */
  readonly condition?: string;
}

export interface PickStep extends StepBase {
  readonly kind: 'pick';
  choices(answers: Answers, context: WizardContext): readonly Choice[];
  initial(answers: Answers, context: WizardContext): string;
  /** Accepts a typed value that is not a listed choice, validated by this function. */
  readonly custom?: { readonly label: string; validate(text: string): string | undefined };
}

export interface MultiPickStep extends StepBase {
  readonly kind: 'multi';
  choices(answers: Answers, context: WizardContext): readonly Choice[];
  initial(answers: Answers, context: WizardContext): readonly string[];
  validate?(ids: readonly string[]): string | undefined;
}

export interface TextStep extends StepBase {
  readonly kind: 'text';
  /** Explains the expected format. */
  readonly prompt: string;
  initial(answers: Answers, context: WizardContext): string;
  validate(text: string, answers: Answers): string | undefined;
}

export type WizardStep = PickStep | MultiPickStep | TextStep;

export interface ScaffoldOutput {
  readonly text: string;
  /** The VS Code language id of the result (yaml, python, javascript, go, java). */
  readonly languageId: string;
  /** A file name to suggest when saving. */
  readonly fileName: string;
}

export interface Wizard {
  /** The `trace-stitch scaffold <id>` name. */
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly steps: readonly WizardStep[];
  build(answers: Answers): ScaffoldOutput;
}

export function isAsked(step: WizardStep, answers: Answers): boolean {
  return step.when?.(answers) ?? true;
}

/** Fills every asked step without an answer with its default, in step order (later defaults see earlier answers). */
export function completeAnswers(wizard: Wizard, given: Answers, context: WizardContext): Answers {
  const answers: Record<string, AnswerValue> = {};
  for (const step of wizard.steps) {
    if (!isAsked(step, answers)) continue;
    answers[step.id] = given[step.id] ?? step.initial(answers, context);
  }
  return answers;
}

/** Why `value` is not an acceptable answer to `step`, or undefined when it is. */
export function validateAnswer(step: WizardStep, value: AnswerValue, answers: Answers, context: WizardContext): string | undefined {
  if (step.kind === 'text') return typeof value === 'string' ? step.validate(value, answers) : 'Expected text.';
  const ids = step.choices(answers, context).map((choice) => choice.id);
  if (step.kind === 'pick') {
    if (typeof value !== 'string') return 'Expected one value.';
    if (ids.includes(value)) return undefined;
    return step.custom ? step.custom.validate(value) : `Choose one of: ${ids.join(', ')}.`;
  }
  const list = typeof value === 'string' ? splitList(value) : value;
  const unknown = list.filter((id) => !ids.includes(id));
  if (unknown.length > 0) return `Unknown: ${unknown.join(', ')}; choose from ${ids.join(', ')}.`;
  return step.validate?.(list);
}

export function splitList(text: string): string[] {
  return text.split(',').map((part) => part.trim()).filter((part) => part !== '');
}

/** The answer to a text or pick step. */
export function answerText(answers: Answers, id: string): string {
  const value = answers[id];
  return typeof value === 'string' ? value : (value ?? []).join(',');
}

/** The answer to a multi-pick step. */
export function answerList(answers: Answers, id: string): readonly string[] {
  const value = answers[id];
  return typeof value === 'string' ? splitList(value) : (value ?? []);
}

/**
 * Answers from command-line flags (`--flag value` or `--flag=value`; several values comma-separated), checked with
 * the same validation as the wizard; unanswered steps take their defaults.
 */
export function answersFromFlags(wizard: Wizard, args: readonly string[], context: WizardContext): { answers: Answers } | { errors: string[] } {
  const errors: string[] = [];
  const given = new Map<string, string>();
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? '';
    const match = /^--([a-z][a-z0-9-]*)(?:=(.*))?$/.exec(arg);
    if (!match?.[1]) {
      errors.push(`Unexpected argument '${arg}'.`);
      continue;
    }
    const value = match[2] ?? args[++index];
    if (value === undefined) errors.push(`--${match[1]} needs a value.`);
    else given.set(match[1], value);
  }
  const answers: Record<string, AnswerValue> = {};
  for (const step of wizard.steps) {
    if (!isAsked(step, answers)) continue;
    const flagValue = given.get(step.flag);
    given.delete(step.flag);
    const value: AnswerValue = flagValue === undefined ? step.initial(answers, context) : step.kind === 'multi' ? splitList(flagValue) : flagValue;
    const problem = validateAnswer(step, value, answers, context);
    if (problem) errors.push(`--${step.flag}: ${problem}`);
    answers[step.id] = value;
  }
  for (const flag of given.keys()) {
    const step = wizard.steps.find((candidate) => candidate.flag === flag);
    errors.push(step ? `--${flag} does not apply with the other answers.` : `Unknown flag --${flag}.`);
  }
  return errors.length > 0 ? { errors } : { answers };
}

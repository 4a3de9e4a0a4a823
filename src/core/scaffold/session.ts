import { completeAnswers, isAsked, validateAnswer, type AnswerValue, type Answers, type ScaffoldOutput, type Wizard, type WizardContext, type WizardStep } from './wizard';

/** The step being asked, with its place in the flow ("step 3 of 7") and the value to start from. */
export interface CurrentStep {
  readonly step: WizardStep;
  /** 1-based position of this step among the steps asked. */
  readonly number: number;
  /** How many steps the flow has with the answers so far (later answers may change it). */
  readonly total: number;
  /** The previous answer when coming back, else the default. */
  readonly value: AnswerValue;
}

/**
 * One run through a wizard: the UI shows `current()`, reports the user's answer with `submit` (which refuses
 * invalid answers with the message to show) or goes `back()`. Kept free of VS Code so navigation is unit-tested.
 */
export class WizardSession {
  private readonly answers: Record<string, AnswerValue> = {};
  private readonly history: number[] = [];
  private position: number;

  constructor(
    readonly wizard: Wizard,
    readonly context: WizardContext,
  ) {
    this.position = this.nextAsked(0);
  }

  private nextAsked(from: number): number {
    let index = from;
    while (index < this.wizard.steps.length && !isAsked(this.stepAt(index), this.answers)) index++;
    return index;
  }

  private stepAt(index: number): WizardStep {
    const step = this.wizard.steps[index];
    if (!step) throw new Error(`No step ${index} in ${this.wizard.id}`);
    return step;
  }

  /** The answers given so far, for validating the current step against them. */
  get answersSoFar(): Answers {
    return this.answers;
  }

  /** How many steps have been answered on the way to the current one. */
  get stepsAnswered(): number {
    return this.history.length;
  }

  get done(): boolean {
    return this.position >= this.wizard.steps.length;
  }

  current(): CurrentStep | undefined {
    if (this.done) return undefined;
    const step = this.stepAt(this.position);
    const assumed = completeAnswers(this.wizard, this.answers, this.context);
    const remaining = this.wizard.steps.slice(this.position).filter((candidate) => isAsked(candidate, assumed)).length;
    return {
      step,
      number: this.history.length + 1,
      total: this.history.length + remaining,
      value: this.answers[step.id] ?? step.initial(this.answers, this.context),
    };
  }

  /** Records the answer and moves on; returns why the answer is refused instead, leaving the step as it was. */
  submit(value: AnswerValue): string | undefined {
    const current = this.current();
    if (!current) throw new Error('The wizard is already complete');
    const problem = validateAnswer(current.step, value, this.answers, this.context);
    if (problem) return problem;
    this.answers[current.step.id] = value;
    this.history.push(this.position);
    this.position = this.nextAsked(this.position + 1);
    return undefined;
  }

  /** Returns to the previous step; false on the first step. */
  back(): boolean {
    const previous = this.history.pop();
    if (previous === undefined) return false;
    this.position = previous;
    return true;
  }

  /** The answers of the steps asked, for building. */
  finalAnswers(): Answers {
    if (!this.done) throw new Error('The wizard is not complete');
    return completeAnswers(this.wizard, this.answers, this.context);
  }

  result(): ScaffoldOutput {
    return this.wizard.build(this.finalAnswers());
  }
}

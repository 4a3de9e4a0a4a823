import * as vscode from 'vscode';
import type { CurrentStep } from '../../core/scaffold/session';
import type { AnswerValue, Choice, MultiPickStep, PickStep, TextStep, WizardContext } from '../../core/scaffold/wizard';
import { validateAnswer, type Answers } from '../../core/scaffold/wizard';

/** What one step of the flow ended with. */
export type StepOutcome = { readonly kind: 'answer'; readonly value: AnswerValue } | { readonly kind: 'back' } | { readonly kind: 'cancel' };

/** Title and numbering shared by every step of one flow ("Istio Telemetry (tracing) 3/8"). */
export interface StepFrame {
  readonly title: string;
  readonly number: number;
  readonly total: number;
}

interface ChoiceItem extends vscode.QuickPickItem {
  readonly id: string;
}

function toItem(choice: Choice, current: boolean): ChoiceItem {
  return { id: choice.id, label: choice.label, detail: choice.detail, description: current ? '(current)' : undefined };
}

/**
 * Shows one QuickInput and settles with the answer, a Back press, or cancel (Escape, focus lost, or anything else
 * that hides it). Every listener and the input itself are disposed before the promise settles.
 */
function show(
  input: vscode.QuickInput,
  frame: StepFrame,
  wire: (settle: (outcome: StepOutcome) => void) => vscode.Disposable[],
): Promise<StepOutcome> {
  input.title = frame.title;
  input.step = frame.number;
  input.totalSteps = frame.total;
  input.ignoreFocusOut = true;
  return new Promise<StepOutcome>((resolve) => {
    let settled = false;
    const disposables: vscode.Disposable[] = [];
    const settle = (outcome: StepOutcome): void => {
      if (settled) return;
      settled = true;
      for (const disposable of disposables) disposable.dispose();
      input.dispose();
      resolve(outcome);
    };
    disposables.push(
      ...wire(settle),
      input.onDidHide(() => {
        settle({ kind: 'cancel' });
      }),
    );
    input.show();
  });
}

function backButtons(frame: StepFrame): vscode.QuickInputButton[] {
  return frame.number > 1 ? [vscode.QuickInputButtons.Back] : [];
}

function askText(step: TextStep, value: string, answers: Answers, frame: StepFrame): Promise<StepOutcome> {
  const input = vscode.window.createInputBox();
  input.value = value;
  input.prompt = `${step.title}: ${step.prompt}`;
  input.placeholder = step.prompt;
  input.buttons = backButtons(frame);
  const validate = (text: string): string | undefined => step.validate(text, answers);
  input.validationMessage = validate(value);
  return show(input, frame, (settle) => [
    input.onDidChangeValue((text) => {
      input.validationMessage = validate(text);
    }),
    input.onDidAccept(() => {
      const problem = validate(input.value);
      input.validationMessage = problem;
      if (!problem) settle({ kind: 'answer', value: input.value });
    }),
    input.onDidTriggerButton(() => {
      settle({ kind: 'back' });
    }),
  ]);
}

function askPick(step: PickStep, value: string, answers: Answers, context: WizardContext, frame: StepFrame): Promise<StepOutcome> {
  const pick = vscode.window.createQuickPick<ChoiceItem>();
  const choices = step.choices(answers, context);
  const listed = choices.map((choice) => toItem(choice, choice.id === value));
  // A typed answer from an earlier visit (a provider name, a release) is offered again.
  const remembered = choices.some((choice) => choice.id === value) ? [] : [{ id: value, label: value, description: step.custom?.label }];
  pick.items = [...remembered, ...listed];
  pick.activeItems = pick.items.filter((item) => item.id === value);
  pick.placeholder = step.custom ? `${step.title} — or type a value` : step.title;
  pick.buttons = backButtons(frame);
  pick.matchOnDetail = true;
  const custom = step.custom;
  return show(pick, frame, (settle) => [
    pick.onDidChangeValue((text) => {
      if (!custom) return;
      const typed = text.trim();
      const known = choices.some((choice) => choice.id === typed || choice.label === typed);
      const problem = typed === '' || known ? undefined : custom.validate(typed);
      // Listed below the matching choices, so typing still filters them; it is the pick when nothing else matches.
      const extra: ChoiceItem[] =
        typed === '' || known ? [] : [{ id: problem ? '' : typed, label: problem ? `$(warning) ${problem}` : typed, description: problem ? undefined : custom.label, alwaysShow: true }];
      pick.items = [...remembered, ...listed, ...extra];
    }),
    pick.onDidAccept(() => {
      const chosen = pick.selectedItems[0] ?? pick.activeItems[0];
      if (chosen && chosen.id !== '') settle({ kind: 'answer', value: chosen.id });
    }),
    pick.onDidTriggerButton(() => {
      settle({ kind: 'back' });
    }),
  ]);
}

function askMulti(step: MultiPickStep, value: readonly string[], answers: Answers, context: WizardContext, frame: StepFrame): Promise<StepOutcome> {
  const pick = vscode.window.createQuickPick<ChoiceItem>();
  pick.canSelectMany = true;
  pick.items = step.choices(answers, context).map((choice) => toItem(choice, false));
  pick.selectedItems = pick.items.filter((item) => value.includes(item.id));
  pick.placeholder = `${step.title} (Space toggles, Enter confirms)`;
  pick.buttons = backButtons(frame);
  pick.matchOnDetail = true;
  return show(pick, frame, (settle) => [
    pick.onDidAccept(() => {
      const ids = pick.selectedItems.map((item) => item.id);
      const problem = validateAnswer(step, ids, answers, context);
      // QuickPick has no validation message: say it where the user looks, and stay on the step.
      if (problem) pick.placeholder = `$(warning) ${problem}`;
      else settle({ kind: 'answer', value: ids });
    }),
    pick.onDidTriggerButton(() => {
      settle({ kind: 'back' });
    }),
  ]);
}

/** Asks the current step of a wizard session. */
export function askStep(current: CurrentStep, answers: Answers, context: WizardContext, frame: StepFrame): Promise<StepOutcome> {
  const { step, value } = current;
  if (step.kind === 'text') return askText(step, typeof value === 'string' ? value : value.join(', '), answers, frame);
  if (step.kind === 'pick') return askPick(step, typeof value === 'string' ? value : (value[0] ?? ''), answers, context, frame);
  return askMulti(step, typeof value === 'string' ? [value] : value, answers, context, frame);
}

/** A final pick that is not a wizard step (where to put the result), with the same frame and Back button. */
export function askChoice(placeholder: string, choices: readonly Choice[], frame: StepFrame): Promise<StepOutcome> {
  const pick = vscode.window.createQuickPick<ChoiceItem>();
  pick.items = choices.map((choice) => toItem(choice, false));
  pick.placeholder = placeholder;
  pick.buttons = backButtons(frame);
  return show(pick, frame, (settle) => [
    pick.onDidAccept(() => {
      const chosen = pick.selectedItems[0] ?? pick.activeItems[0];
      if (chosen) settle({ kind: 'answer', value: chosen.id });
    }),
    pick.onDidTriggerButton(() => {
      settle({ kind: 'back' });
    }),
  ]);
}

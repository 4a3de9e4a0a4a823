import type * as vscode from 'vscode';
import { WizardSession } from '../../core/scaffold/session';
import type { Wizard, WizardContext } from '../../core/scaffold/wizard';
import { chooseFile, openUntitled, writeToFile } from './output';
import { askChoice, askStep } from './quickInput';

/** Where the result goes, asked as the flow's last step. */
const destinations = [
  { id: 'editor', label: 'Open in a new editor', detail: 'An untitled document, nothing written to disk' },
  { id: 'file', label: 'Save to a file…', detail: 'Choose where; an existing file is only replaced after you confirm' },
];

export type WizardRunResult = { readonly kind: 'opened'; readonly editor: vscode.TextEditor } | { readonly kind: 'saved' } | { readonly kind: 'cancelled' };

/**
 * Runs a wizard as a multi-step QuickPick: "step N of M" in the title, Back on every step after the first,
 * inline validation, and cancel (Escape or closing) at any step with no side effects.
 */
export async function runWizard(wizard: Wizard, context: WizardContext): Promise<WizardRunResult> {
  const session = new WizardSession(wizard, context);
  for (;;) {
    const current = session.current();
    if (current) {
      const outcome = await askStep(current, session.answersSoFar, context, { title: wizard.title, number: current.number, total: current.total + 1 });
      if (outcome.kind === 'cancel') return { kind: 'cancelled' };
      if (outcome.kind === 'back') session.back();
      else session.submit(outcome.value);
      continue;
    }
    const number = session.stepsAnswered + 1;
    const destination = await askChoice('Where should the result go?', destinations, { title: wizard.title, number, total: number });
    if (destination.kind === 'cancel') return { kind: 'cancelled' };
    if (destination.kind === 'back') {
      session.back();
      continue;
    }
    const output = session.result();
    if (destination.value === 'editor') return { kind: 'opened', editor: await openUntitled(output) };
    const uri = await chooseFile(output);
    if (uri && (await writeToFile(output, uri))) return { kind: 'saved' };
  }
}

/** Go-template actions as Helm writes them: `{{ … }}`, `{{- … -}}`, possibly spanning lines. */
const templateAction = /\{\{[\s\S]*?\}\}/g;

export function hasTemplateActions(text: string): boolean {
  return text.includes('{{');
}

/**
 * Replaces every template action with spaces of the same length (newlines kept), so a Helm template parses as
 * YAML with every remaining position unchanged. Values that were templated read as empty; callers use the result
 * only to learn what a template defines (provider names, receiver ports), never to report problems in it.
 */
export function blankTemplateActions(text: string): string {
  return text.replace(templateAction, (action) => action.replace(/[^\n]/g, ' '));
}

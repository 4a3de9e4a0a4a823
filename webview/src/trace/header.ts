import { formatCount, formatDuration, formatTimestamp } from '../../../src/core/viewer/layout/format';
import type { TraceWarning } from '../../../src/core/viewer/protocol';
import { element, icon } from '../dom';
import type { TraceData } from './traceData';

export interface HeaderEvents {
  copyTraceId(): void;
  /** Highlight these spans in the timeline (a warning's "Show spans"). */
  showSpans(spanIndices: readonly number[], label: string): void;
  /** Open the line of code that broke a link (the warning's call site). */
  openCallSite(warningIndex: number): void;
}

/** The trace's title line, key figures and its warnings, each with an explanation. */
export function renderHeader(data: TraceData, events: HeaderEvents): HTMLElement {
  const root = data.rootSpan();
  const title = data.has(root) ? `${data.service(root)}: ${data.name(root)}` : 'Empty trace';
  const copy = element('vscode-toolbar-button', {
    attributes: { icon: 'copy', label: 'Copy trace ID', title: 'Copy trace ID' },
  });
  copy.addEventListener('click', () => {
    events.copyTraceId();
  });
  const facts = element('dl', { className: 'trace-facts' });
  const add = (term: string, value: Node | string, className = ''): void => {
    facts.append(element('div', { className: `fact ${className}`.trim() }, element('dt', { text: term }), element('dd', {}, value)));
  };
  add('Trace ID', element('span', { className: 'trace-id' }, element('code', { text: data.traceId }), copy));
  add('Start', formatTimestamp(data.startNs));
  add('Duration', formatDuration(data.totalNs));
  add('Services', String(data.services.length));
  add('Depth', String(data.tree.maxDepth + 1));
  add('Spans', formatCount(data.count));
  if (data.errorCount > 0) add('Errors', formatCount(data.errorCount), 'has-errors');
  add('Source', data.document.sourceLabel);

  return element(
    'header',
    { className: 'trace-header' },
    element('h1', { className: 'trace-title', text: title }),
    facts,
    renderWarnings(data.document.warnings, events),
  );
}

function renderWarnings(warnings: readonly TraceWarning[], events: HeaderEvents): HTMLElement | string {
  if (warnings.length === 0) return '';
  const list = element('div', { className: 'trace-warnings', attributes: { role: 'list', 'aria-label': 'Trace warnings' } });
  warnings.forEach((warning, warningIndex) => {
    const body = element('div', { className: 'warning-body' }, element('p', { text: warning.explanation }));
    if (warning.callSite) {
      const go = element('vscode-button', { attributes: { 'aria-label': `Open code at the call that broke the trace: ${warning.callSite.label}` }, text: `Open code: ${warning.callSite.label}` });
      go.icon = 'go-to-file';
      go.addEventListener('click', () => {
        events.openCallSite(warningIndex);
      });
      body.append(go);
    }
    if (warning.spanIndices.length > 0) {
      const show = element('vscode-button', {
        attributes: { secondary: '' },
        text: warning.spanIndices.length === 1 ? 'Show the span' : `Show the ${warning.spanIndices.length} spans`,
      });
      show.addEventListener('click', () => {
        events.showSpans(warning.spanIndices, warning.title);
      });
      body.append(show);
    }
    list.append(
      element(
        'details',
        { className: `trace-warning warning-${warning.kind}`, attributes: { role: 'listitem' } },
        element('summary', {}, icon(warning.kind === 'broken-link' ? 'debug-disconnect' : 'warning', 'warning-mark'), warning.title),
        body,
      ),
    );
  });
  return list;
}

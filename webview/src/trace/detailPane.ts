import type { Attributes, AttributeValue, Span } from '../../../src/core/model/trace';
import { formatDuration, formatTimestamp } from '../../../src/core/viewer/layout/format';
import type { CopyKind, TraceRef } from '../../../src/core/viewer/protocol';
import { element, icon } from '../dom';
import type { TraceData } from './traceData';

/**
 * A button in the span detail's toolbar. The pane lists these rather than hard-coding its buttons, so that
 * features such as "Open code" can add theirs.
 */
export interface SpanAction {
  readonly id: string;
  readonly label: string;
  readonly icon: string;
  run(span: Span, index: number): void;
}

export interface DetailPaneEvents {
  /** The span in full, from the host (the webview holds only the timeline's columns). */
  loadSpan(index: number): Promise<Span>;
  selectSpan(index: number): void;
  openTrace(ref: TraceRef, focusSpanId: string): void;
  copy(what: CopyKind, text: string): void;
  close(): void;
}

/** Spans kept after their detail was shown, so that going back and forth does not ask the host again. */
const cachedSpans = 64;

/**
 * The selected span in full: facts, warnings, attributes, resource, events with relative times, links. The title
 * shows at once; the rest once the host has sent the span.
 */
export class DetailPane {
  readonly element: HTMLElement;
  private readonly content: HTMLDivElement;
  private readonly cache = new Map<number, Span>();
  private shown = -1;

  constructor(
    private readonly data: TraceData,
    private readonly actions: readonly SpanAction[],
    private readonly events: DetailPaneEvents,
  ) {
    this.content = element('div', { className: 'detail-content' });
    this.element = element(
      'aside',
      { className: 'detail-pane hidden', attributes: { 'aria-label': 'Span details', tabindex: '-1' } },
      this.content,
    );
  }

  show(index: number): void {
    if (!this.data.has(index)) {
      this.hide();
      return;
    }
    this.shown = index;
    this.element.classList.remove('hidden');
    const cached = this.cache.get(index);
    if (cached) {
      this.fill(cached, index);
      return;
    }
    const toolbar = this.toolbar();
    const status = element('p', { className: 'muted detail-loading', attributes: { role: 'status' }, text: 'Loading span details…' });
    this.content.replaceChildren(this.heading(index, toolbar), status);
    this.content.scrollTop = 0;
    this.events.loadSpan(index).then(
      (span) => {
        this.remember(index, span);
        if (this.shown === index) this.fill(span, index);
      },
      (error: unknown) => {
        if (this.shown === index) status.textContent = `The span’s details could not be loaded: ${error instanceof Error ? error.message : String(error)}`;
      },
    );
  }

  hide(): void {
    this.shown = -1;
    this.element.classList.add('hidden');
  }

  private fill(span: Span, index: number): void {
    const toolbar = this.toolbar();
    for (const action of this.actions) {
      const button = element('vscode-button', { attributes: { secondary: '', 'aria-label': action.label }, text: action.label });
      button.icon = action.icon;
      button.dataset.action = action.id;
      button.addEventListener('click', () => {
        action.run(span, index);
      });
      toolbar.append(button);
    }
    this.content.replaceChildren(
      this.heading(index, toolbar),
      this.facts(span, index),
      this.warnings(span, index),
      section('Attributes', attributeTable(span.attributes, 'No attributes'), span.attributes),
      this.eventList(span),
      this.linkList(span),
      section('Resource', attributeTable(span.resource, 'No resource attributes'), span.resource, true),
    );
    this.content.scrollTop = 0;
  }

  private remember(index: number, span: Span): void {
    this.cache.delete(index);
    this.cache.set(index, span);
    for (const oldest of this.cache.keys()) {
      if (this.cache.size <= cachedSpans) break;
      this.cache.delete(oldest);
    }
  }

  private toolbar(): HTMLElement {
    return element('div', { className: 'detail-actions', attributes: { role: 'toolbar', 'aria-label': 'Span actions' } });
  }

  private heading(index: number, toolbar: HTMLElement): HTMLElement {
    const close = element('vscode-toolbar-button', { attributes: { icon: 'close', label: 'Close span details' } });
    close.addEventListener('click', () => {
      this.events.close();
    });
    return element(
      'header',
      { className: 'detail-heading' },
      element(
        'div',
        { className: 'detail-title-row' },
        element('span', { className: `service-chip svc-${this.data.colorSlots[index] ?? 0}`, attributes: { 'aria-hidden': 'true' } }),
        element('h2', { className: 'detail-title', text: this.data.name(index) }),
        close,
      ),
      element('div', { className: 'detail-service', text: this.data.service(index) }),
      toolbar,
    );
  }

  private facts(span: Span, index: number): HTMLElement {
    const offset = this.data.offsets[index] ?? 0;
    const list = element('dl', { className: 'facts' });
    const add = (term: string, value: Node | string): void => {
      list.append(element('dt', { text: term }), element('dd', {}, value));
    };
    add('Duration', formatDuration(span.durationNs));
    add('Start', `${formatDuration(offset)} after the trace start (${formatTimestamp(span.startNs)})`);
    add('Kind', span.kind);
    const status = element('span', { className: `status status-${span.status.code}`, text: span.status.code });
    add('Status', span.status.message ? element('span', {}, status, `: ${span.status.message}`) : status);
    const errorReason = this.data.errorReason(index);
    if (errorReason !== undefined) add('Error', element('span', { className: 'has-errors', text: errorReason }));
    add('Span ID', element('code', { text: span.spanId }));
    const parentIndex = this.data.tree.parent[index] ?? -1;
    if (span.parentSpanId) {
      add(
        'Parent',
        parentIndex >= 0
          ? this.spanButton(parentIndex, span.parentSpanId)
          : element('span', {}, element('code', { text: span.parentSpanId }), ' (not in this trace)'),
      );
    }
    if (span.scope) add('Scope', span.scope.version ? `${span.scope.name} ${span.scope.version}` : span.scope.name);
    const critical = this.data.critical.get(index);
    if (critical) {
      add('Critical path', formatDuration(critical.reduce((sum, segment) => sum + segment.endNs - segment.startNs, 0)));
    }
    if (span.dropped && (span.dropped.attributes || span.dropped.events || span.dropped.links)) {
      add('Dropped', `${span.dropped.attributes} attributes, ${span.dropped.events} events, ${span.dropped.links} links`);
    }
    return list;
  }

  private spanButton(index: number, label: string): HTMLElement {
    const button = element('button', { className: 'link-button', text: this.data.has(index) ? this.data.name(index) : label, title: label });
    button.addEventListener('click', () => {
      this.events.selectSpan(index);
    });
    return button;
  }

  private warnings(span: Span, index: number): HTMLElement | string {
    const documentWarnings = this.data.spanWarnings.get(index) ?? [];
    if (documentWarnings.length === 0 && span.warnings.length === 0) return '';
    const list = element('ul', { className: 'warning-list' });
    for (const warning of documentWarnings) {
      list.append(
        element(
          'li',
          {},
          icon('warning', 'warning-mark'),
          element('strong', { text: warning.title }),
          element('p', { text: warning.explanation }),
        ),
      );
    }
    for (const text of span.warnings) list.append(element('li', {}, icon('warning', 'warning-mark'), element('span', { text })));
    return element('section', { className: 'detail-section' }, element('h3', { text: 'Warnings' }), list);
  }

  private eventList(span: Span): HTMLElement {
    if (span.events.length === 0) return section('Events', element('p', { className: 'muted', text: 'No events' }));
    const list = element('ol', { className: 'event-list' });
    for (const event of span.events) {
      list.append(
        element(
          'li',
          {},
          element(
            'div',
            { className: 'event-head' },
            element('span', { className: 'event-time', text: `+${formatDuration(event.timeNs - span.startNs)}` }),
            element('span', { className: 'event-name', text: event.name }),
          ),
          Object.keys(event.attributes).length > 0 ? attributeTable(event.attributes, '') : undefined,
        ),
      );
    }
    return section(`Events (${span.events.length})`, list);
  }

  private linkList(span: Span): HTMLElement | string {
    if (span.links.length === 0) return '';
    const relations = { child_of: 'child of', follows_from: 'follows from', link: 'linked to' } as const;
    const list = element('ul', { className: 'link-list' });
    for (const link of span.links) {
      const item = element(
        'li',
        {},
        element('span', { className: 'link-relation', text: relations[link.relation] }),
        ' ',
        element('code', { text: `${link.traceId} / ${link.spanId}` }),
        ' ',
      );
      const sameTrace = link.traceId === this.data.traceId;
      const target = sameTrace ? this.data.tree.indexOf(link.spanId) : undefined;
      if (target !== undefined) {
        item.append(this.spanButton(target, link.spanId));
      } else if (!sameTrace && this.data.document.loadedTraceIds.includes(link.traceId)) {
        const open = element('button', { className: 'link-button', text: 'Open linked trace' });
        open.addEventListener('click', () => {
          this.events.openTrace({ sourceId: this.data.document.ref.sourceId, traceId: link.traceId }, link.spanId);
        });
        item.append(open);
      } else {
        item.append(element('span', { className: 'muted', text: sameTrace ? '(span not in this trace)' : '(trace not loaded)' }));
      }
      if (Object.keys(link.attributes).length > 0) item.append(attributeTable(link.attributes, ''));
      list.append(item);
    }
    return section(`Links (${span.links.length})`, list);
  }
}

function section(title: string, body: HTMLElement, attributes?: Attributes, collapsed = false): HTMLElement {
  const count = attributes ? ` (${Object.keys(attributes).length})` : '';
  const details = element('details', { className: 'detail-section' }, element('summary', { text: `${title}${count}` }), body);
  details.open = !collapsed;
  return details;
}

function attributeTable(attributes: Attributes, emptyText: string): HTMLElement {
  const keys = Object.keys(attributes).sort();
  if (keys.length === 0) return element('p', { className: 'muted', text: emptyText });
  const body = element('tbody');
  for (const key of keys) {
    body.append(
      element(
        'tr',
        {},
        element('th', { text: key, attributes: { scope: 'row' } }),
        element('td', { text: attributeText(attributes[key] ?? null) }),
      ),
    );
  }
  return element('table', { className: 'attribute-table' }, body);
}

export function attributeText(value: AttributeValue): string {
  if (value === null) return 'null';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

import { lookbackChoices, maxSearchLimit, type Lookback, type SearchQuery, type SourceInfo } from '../../../src/core/viewer/protocol';
import { parseDurationInput, parseTagsInput } from '../../../src/core/viewer/searchInput';
import { element } from '../dom';
import type { SearchFormState } from '../state';

export interface SearchFormEvents {
  sourceChanged(sourceId: string): void;
  serviceChanged(sourceId: string, service: string): void;
  submit(sourceId: string, query: SearchQuery): void;
  /** The form changed: worth saving. */
  changed(): void;
}

type Select = HTMLElementTagNameMap['vscode-single-select'];
type TextField = HTMLElementTagNameMap['vscode-textfield'];

const lookbackLabels: Readonly<Record<Lookback, string>> = {
  '5m': 'Last 5 minutes',
  '15m': 'Last 15 minutes',
  '30m': 'Last 30 minutes',
  '1h': 'Last hour',
  '2h': 'Last 2 hours',
  '6h': 'Last 6 hours',
  '12h': 'Last 12 hours',
  '24h': 'Last 24 hours',
  '2d': 'Last 2 days',
  '7d': 'Last 7 days',
};

/** The search form: source, service, operation, tags, time range, duration bounds, limit. */
export class SearchForm {
  readonly element: HTMLFormElement;
  private readonly source: Select;
  private readonly service: Select;
  private readonly operation: Select;
  private readonly tags: TextField;
  private readonly lookback: Select;
  private readonly customStart: TextField;
  private readonly customEnd: TextField;
  private readonly customRange: HTMLDivElement;
  private readonly minDuration: TextField;
  private readonly maxDuration: TextField;
  private readonly limit: TextField;
  private readonly error: HTMLParagraphElement;
  private readonly submitButton: HTMLElementTagNameMap['vscode-button'];
  private sources: readonly SourceInfo[] = [];
  /** The source whose services were last asked for. */
  private loadedSourceId: string | undefined;
  private sourceListKey = '';

  constructor(
    private readonly state: SearchFormState,
    private readonly events: SearchFormEvents,
  ) {
    this.source = select('search-source', 'Source');
    this.service = select('search-service', 'Service', true);
    this.operation = select('search-operation', 'Operation', true);
    this.tags = textField('search-tags', 'Tags', state.tags, 'http.status_code=500 error=true');
    this.lookback = select('search-lookback', 'Time range');
    setOptions(
      this.lookback,
      [...lookbackChoices.map((choice) => ({ label: lookbackLabels[choice], value: choice })), { label: 'Custom range…', value: 'custom' }],
      state.lookback,
    );
    this.customStart = textField('search-from', 'From', state.customStart);
    this.customStart.type = 'datetime-local';
    this.customEnd = textField('search-to', 'To', state.customEnd);
    this.customEnd.type = 'datetime-local';
    this.customRange = element('div', { className: 'custom-range' }, field('search-from', 'From', this.customStart), field('search-to', 'To', this.customEnd));
    this.minDuration = textField('search-min', 'Min duration', state.minDuration, 'e.g. 100ms');
    this.maxDuration = textField('search-max', 'Max duration', state.maxDuration, 'e.g. 1.5s');
    this.limit = textField('search-limit', 'Limit', String(state.limit));
    this.limit.type = 'number';
    this.limit.min = 1;
    this.limit.max = maxSearchLimit;
    this.error = element('p', { className: 'form-error', attributes: { role: 'alert' } });
    this.submitButton = element('vscode-button', { attributes: { type: 'submit' }, text: 'Find Traces' });
    this.submitButton.icon = 'search';

    this.element = element(
      'form',
      { className: 'search-form', attributes: { 'aria-label': 'Search traces', novalidate: '' } },
      field('search-source', 'Source', this.source),
      field('search-service', 'Service', this.service),
      field('search-operation', 'Operation', this.operation),
      field('search-tags', 'Tags', this.tags, 'key=value pairs separated by spaces; quote values with spaces'),
      field('search-lookback', 'Time range', this.lookback),
      this.customRange,
      element('div', { className: 'field-pair' }, field('search-min', 'Min duration', this.minDuration), field('search-max', 'Max duration', this.maxDuration)),
      field('search-limit', 'Limit', this.limit),
      this.error,
      this.submitButton,
    );
    this.showCustomRange();
    this.listen();
  }

  setSources(sources: readonly SourceInfo[]): void {
    this.sources = sources;
    const wanted = sources.find((source) => source.id === this.state.sourceId) ?? sources[0];
    // The receiver's span count changes every second while traces stream in; the list is rebuilt (which would close
    // an open dropdown) only when sources come or go or change their names or state.
    const listKey = sources.map((source) => `${source.id}\n${source.label}\n${source.state}`).join('\n');
    if (listKey !== this.sourceListKey) {
      this.sourceListKey = listKey;
      setOptions(
        this.source,
        sources.map((source) => ({ label: source.label, value: source.id, description: source.detail })),
        wanted?.id ?? '',
      );
    }
    this.submitButton.disabled = sources.length === 0;
    if (!wanted || wanted.id === this.loadedSourceId) return;
    if (wanted.id !== this.state.sourceId) {
      this.selectSource(wanted.id);
    } else {
      this.loadedSourceId = wanted.id;
      this.events.sourceChanged(wanted.id);
    }
  }

  selectSource(sourceId: string): void {
    if (!this.sources.some((source) => source.id === sourceId)) return;
    if (sourceId === this.loadedSourceId && sourceId === this.state.sourceId) return;
    this.source.value = sourceId;
    this.state.sourceId = sourceId;
    this.loadedSourceId = sourceId;
    this.state.service = undefined;
    this.state.operation = undefined;
    this.setServices([]);
    this.events.sourceChanged(sourceId);
    this.events.changed();
  }

  get sourceId(): string | undefined {
    return this.state.sourceId;
  }

  setServices(services: readonly string[]): void {
    const current = this.state.service ?? '';
    setOptions(this.service, [{ label: 'All services', value: '' }, ...services.map((service) => ({ label: service, value: service }))], current);
    if (current !== '' && !services.includes(current)) this.state.service = undefined;
    if (this.state.service) this.events.serviceChanged(this.state.sourceId ?? '', this.state.service);
    else this.setOperations([]);
  }

  setOperations(operations: readonly string[]): void {
    const current = this.state.operation ?? '';
    setOptions(this.operation, [{ label: 'All operations', value: '' }, ...operations.map((operation) => ({ label: operation, value: operation }))], current);
  }

  showError(message: string): void {
    this.error.textContent = message;
  }

  setBusy(busy: boolean): void {
    this.submitButton.disabled = busy || this.sources.length === 0;
    this.submitButton.iconAfter = busy ? 'loading' : '';
    this.submitButton.iconAfterSpin = busy;
  }

  private listen(): void {
    this.source.addEventListener('change', () => {
      this.selectSource(this.source.value);
    });
    this.service.addEventListener('change', () => {
      this.state.service = this.service.value || undefined;
      this.state.operation = undefined;
      this.setOperations([]);
      if (this.state.service && this.state.sourceId) this.events.serviceChanged(this.state.sourceId, this.state.service);
      this.events.changed();
    });
    this.operation.addEventListener('change', () => {
      this.state.operation = this.operation.value || undefined;
      this.events.changed();
    });
    this.lookback.addEventListener('change', () => {
      this.state.lookback = this.lookback.value === 'custom' ? 'custom' : (lookbackChoices.find((choice) => choice === this.lookback.value) ?? '1h');
      this.showCustomRange();
      this.events.changed();
    });
    for (const [input, key] of [
      [this.tags, 'tags'],
      [this.customStart, 'customStart'],
      [this.customEnd, 'customEnd'],
      [this.minDuration, 'minDuration'],
      [this.maxDuration, 'maxDuration'],
    ] as const) {
      input.addEventListener('input', () => {
        this.state[key] = input.value;
        this.events.changed();
      });
    }
    this.limit.addEventListener('input', () => {
      const limit = Number(this.limit.value);
      if (Number.isInteger(limit)) this.state.limit = limit;
      this.events.changed();
    });
    this.element.addEventListener('submit', (event) => {
      event.preventDefault();
      this.submit();
    });
    this.submitButton.addEventListener('click', () => {
      this.submit();
    });
    this.element.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && event.target instanceof HTMLElement && event.target.tagName === 'VSCODE-TEXTFIELD') {
        event.preventDefault();
        this.submit();
      }
    });
  }

  private showCustomRange(): void {
    this.customRange.classList.toggle('hidden', this.state.lookback !== 'custom');
  }

  /** Validates the form and, when it is sound, asks for the search; otherwise says what is wrong. */
  submit(): void {
    const sourceId = this.state.sourceId;
    if (!sourceId) {
      this.showError('Choose a source first: open a trace file, connect to Jaeger, or send traces to the built-in receiver.');
      return;
    }
    const query = this.query();
    if (typeof query === 'string') {
      this.showError(query);
      return;
    }
    const source = this.sources.find((candidate) => candidate.id === sourceId);
    if (source?.kind === 'jaeger' && !query.service) {
      this.showError('Jaeger searches need a service: choose one.');
      return;
    }
    this.showError('');
    this.events.submit(sourceId, query);
  }

  /** The query the form describes, or what is wrong with it. */
  private query(): SearchQuery | string {
    const tags = parseTagsInput(this.state.tags);
    if (!tags.ok) return tags.error;
    const min = parseDurationInput(this.state.minDuration);
    if (!min.ok) return `Min duration: ${min.error}`;
    const max = parseDurationInput(this.state.maxDuration);
    if (!max.ok) return `Max duration: ${max.error}`;
    if (min.value !== undefined && max.value !== undefined && min.value > max.value) {
      return 'Min duration is longer than max duration.';
    }
    const limit = this.state.limit;
    if (!Number.isInteger(limit) || limit < 1 || limit > maxSearchLimit) return `Limit must be a whole number from 1 to ${maxSearchLimit}.`;
    let time: SearchQuery['time'];
    if (this.state.lookback === 'custom') {
      const startMs = new Date(this.state.customStart).getTime();
      const endMs = new Date(this.state.customEnd).getTime();
      if (!Number.isFinite(startMs) || !Number.isFinite(endMs)) return 'Enter both ends of the custom time range.';
      if (endMs <= startMs) return 'The custom time range ends before it starts.';
      time = { startMs, endMs };
    } else {
      time = { lookback: this.state.lookback };
    }
    return {
      ...(this.state.service ? { service: this.state.service } : {}),
      ...(this.state.operation ? { operation: this.state.operation } : {}),
      tags: tags.value,
      time,
      ...(min.value !== undefined ? { minDurationNs: min.value } : {}),
      ...(max.value !== undefined ? { maxDurationNs: max.value } : {}),
      limit,
    };
  }
}

/** Replaces a select's options and selects `value` (or the first option when `value` is not among them). */
function setOptions(control: Select, options: readonly { label: string; value: string; description?: string }[], value: string): void {
  control.options = [...options];
  control.value = options.some((option) => option.value === value) ? value : (options[0]?.value ?? '');
  control.requestUpdate();
}

function select(id: string, label: string, combobox = false): Select {
  const control = element('vscode-single-select', { attributes: { id, 'aria-label': label } });
  control.label = label;
  if (combobox) {
    control.combobox = true;
    control.filter = 'contains';
  }
  return control;
}

function textField(id: string, label: string, value: string, placeholder?: string): TextField {
  const control = element('vscode-textfield', { attributes: { id, 'aria-label': label } });
  control.value = value;
  if (placeholder) control.placeholder = placeholder;
  return control;
}

function field(id: string, label: string, control: HTMLElement, help?: string): HTMLElement {
  const labelElement = element('vscode-label', { attributes: { for: id }, text: label });
  return element(
    'div',
    { className: 'field' },
    labelElement,
    control,
    help ? element('vscode-form-helper', {}, element('p', { text: help })) : undefined,
  );
}

import { element } from '../dom';

export interface ToolbarEvents {
  find(query: string): void;
  step(direction: 1 | -1): void;
  filterToMatches(on: boolean): void;
  expandAll(): void;
  collapseAll(): void;
  expandChildren(): void;
  collapseChildren(): void;
  criticalPath(on: boolean): void;
  zoom(direction: 'in' | 'out' | 'reset'): void;
  /** Escape in the find box: back to the timeline. */
  leaveFind(): void;
}

export interface ToolbarState {
  readonly find: string;
  readonly filterToMatches: boolean;
  readonly criticalPath: boolean;
  readonly hasCriticalPath: boolean;
}

/** The timeline's toolbar: find (next, previous, filter to matches), expand/collapse, critical path, zoom. */
export class TimelineToolbar {
  readonly element: HTMLElement;
  readonly findInput: HTMLElementTagNameMap['vscode-textfield'];
  private readonly count: HTMLSpanElement;
  private readonly childButtons: HTMLElementTagNameMap['vscode-toolbar-button'][];

  constructor(state: ToolbarState, events: ToolbarEvents) {
    this.findInput = element('vscode-textfield', {
      className: 'find-input',
      attributes: { placeholder: 'Find spans: name, service, key=value', 'aria-label': 'Find in trace', type: 'search' },
    });
    this.findInput.value = state.find;
    let debounce: ReturnType<typeof setTimeout> | undefined;
    this.findInput.addEventListener('input', () => {
      if (debounce !== undefined) clearTimeout(debounce);
      debounce = setTimeout(() => {
        events.find(this.findInput.value);
      }, 120);
    });
    this.findInput.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === 'F3') {
        event.preventDefault();
        if (debounce !== undefined) {
          clearTimeout(debounce);
          debounce = undefined;
          events.find(this.findInput.value);
        }
        events.step(event.shiftKey ? -1 : 1);
      } else if (event.key === 'Escape') {
        event.preventDefault();
        events.leaveFind();
      }
    });
    this.count = element('span', { className: 'find-count', attributes: { 'aria-live': 'polite' } });
    const filter = toolbarButton('filter', 'Show only matching spans', true, state.filterToMatches);
    filter.addEventListener('change', () => {
      events.filterToMatches(filter.checked);
    });
    const critical = toolbarButton('flame', 'Highlight the critical path', true, state.criticalPath, 'Critical path');
    setEnabled(critical, state.hasCriticalPath);
    critical.addEventListener('change', () => {
      events.criticalPath(critical.checked);
    });
    const expandChildren = toolbarButton('unfold', 'Expand the children of the selected span');
    const collapseChildren = toolbarButton('fold', 'Collapse the children of the selected span');
    this.childButtons = [expandChildren, collapseChildren];
    this.setSelectionHasChildren(false);
    this.element = element(
      'div',
      { className: 'timeline-toolbar', attributes: { role: 'toolbar', 'aria-label': 'Timeline' } },
      element(
        'div',
        { className: 'find-group', attributes: { role: 'search' } },
        this.findInput,
        this.count,
        clickable(toolbarButton('arrow-up', 'Previous match (Shift+Enter)'), () => {
          events.step(-1);
        }),
        clickable(toolbarButton('arrow-down', 'Next match (Enter)'), () => {
          events.step(1);
        }),
        filter,
      ),
      element('span', { className: 'toolbar-separator', attributes: { role: 'separator' } }),
      clickable(toolbarButton('expand-all', 'Expand all'), () => {
        events.expandAll();
      }),
      clickable(toolbarButton('collapse-all', 'Collapse all'), () => {
        events.collapseAll();
      }),
      clickable(expandChildren, () => {
        events.expandChildren();
      }),
      clickable(collapseChildren, () => {
        events.collapseChildren();
      }),
      element('span', { className: 'toolbar-separator', attributes: { role: 'separator' } }),
      critical,
      element('span', { className: 'toolbar-separator', attributes: { role: 'separator' } }),
      clickable(toolbarButton('zoom-in', 'Zoom in (+)'), () => {
        events.zoom('in');
      }),
      clickable(toolbarButton('zoom-out', 'Zoom out (-)'), () => {
        events.zoom('out');
      }),
      clickable(toolbarButton('screen-normal', 'Show the whole trace (0)'), () => {
        events.zoom('reset');
      }),
    );
  }

  /** "3 of 12", "No matches", or a label for a highlighted set ("3 of 5: orphans"). */
  setCount(current: number, total: number, query: string, label?: string): void {
    if (query === '' && label === undefined) this.count.textContent = '';
    else if (total === 0) this.count.textContent = 'No matches';
    else this.count.textContent = `${current >= 0 ? current + 1 : '–'} of ${total}${label ? `: ${label}` : ''}`;
  }

  /** A find is on its way to the host and back. */
  setSearching(): void {
    this.count.textContent = 'Searching…';
  }

  setFindError(message: string): void {
    this.count.textContent = `Find failed: ${message}`;
  }

  setSelectionHasChildren(hasChildren: boolean): void {
    for (const button of this.childButtons) setEnabled(button, hasChildren);
  }
}

function toolbarButton(
  iconName: string,
  label: string,
  toggleable = false,
  checked = false,
  text?: string,
): HTMLElementTagNameMap['vscode-toolbar-button'] {
  const button = element('vscode-toolbar-button', { attributes: { icon: iconName, label, title: label }, text });
  if (toggleable) {
    button.toggleable = true;
    button.checked = checked;
  }
  return button;
}

function clickable<T extends HTMLElement>(target: T, run: () => void): T {
  target.addEventListener('click', () => {
    if (!target.inert) run();
  });
  return target;
}

/** Toolbar buttons have no disabled state: `inert` takes a button out of focus, clicks and the accessibility tree. */
function setEnabled(target: HTMLElement, enabled: boolean): void {
  target.inert = !enabled;
  target.classList.toggle('disabled', !enabled);
}

/**
 * The only way the viewer builds DOM: elements with text set through `textContent` (strings appended as text
 * nodes) and attributes set one by one. Nothing here parses HTML, so span text can never become markup.
 */

type Child = Node | string | undefined | false;

export interface ElementOptions {
  readonly className?: string;
  readonly text?: string;
  readonly title?: string;
  /** Plain attributes (aria-*, role, data-*, …); event-handler and style attributes are refused. */
  readonly attributes?: Readonly<Record<string, string>>;
}

export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: ElementOptions = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (options.className) node.className = options.className;
  if (options.text !== undefined) node.textContent = options.text;
  if (options.title !== undefined) node.title = options.title;
  for (const [name, value] of Object.entries(options.attributes ?? {})) setAttribute(node, name, value);
  append(node, ...children);
  return node;
}

export function append(parent: Element, ...children: Child[]): void {
  for (const child of children) if (child !== undefined && child !== false) parent.append(child);
}

/** Sets an attribute that cannot run code or restyle the page: `on*` handlers and `style` are refused. */
export function setAttribute(node: Element, name: string, value: string): void {
  const lower = name.toLowerCase();
  if (lower.startsWith('on') || lower === 'style' || lower === 'srcdoc') {
    throw new Error(`Refusing to set the ${name} attribute`);
  }
  node.setAttribute(name, value);
}

/** A codicon glyph, hidden from screen readers (the control it sits in carries the accessible name). */
export function icon(name: string, className = ''): HTMLSpanElement {
  return element('span', { className: `codicon codicon-${name} ${className}`.trim(), attributes: { 'aria-hidden': 'true' } });
}

/** An SVG element (the scatter plot), with the same rules as `element`. */
export function svgElement<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Readonly<Record<string, string>> = {},
): SVGElementTagNameMap[K] {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [name, value] of Object.entries(attributes)) setAttribute(node, name, value);
  return node;
}

/** Removes all children. */
export function clear(node: Element): void {
  node.replaceChildren();
}

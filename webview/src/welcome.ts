/** The empty state shown before any trace is loaded. Built with DOM APIs only: no HTML strings. */
export function renderWelcome(extensionVersion: string): HTMLElement {
  const section = document.createElement('section');
  section.className = 'empty-state';
  section.setAttribute('aria-label', 'No trace loaded');

  const icon = document.createElement('span');
  icon.className = 'codicon codicon-pulse empty-state-icon';
  icon.setAttribute('aria-hidden', 'true');

  const heading = document.createElement('h1');
  heading.textContent = 'No trace loaded';

  const hint = document.createElement('p');
  hint.textContent = 'Open a Jaeger, OTLP or Zipkin trace to see it here.';

  const version = document.createElement('p');
  version.className = 'version';
  version.textContent = `Trace Stitch ${extensionVersion}`;

  section.append(icon, heading, hint, version);
  return section;
}

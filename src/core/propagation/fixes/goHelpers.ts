import type { SyntaxNode } from '../runtime/syntaxTree';
import { goImportEdits } from './goImports';
import type { TextEdit } from './model';
import { quotedList } from './text';

const forwardHelper = (headers: readonly string[]): string =>
  [
    '',
    '// forwardTraceHeaders copies the trace headers of the incoming request onto an outbound one (added by Trace Stitch).',
    'func forwardTraceHeaders(in *http.Request, out *http.Request) {',
    `\tfor _, name := range []string{${quotedList(headers)}} {`,
    '\t\tif value := in.Header.Get(name); value != "" {',
    '\t\t\tout.Header.Set(name, value)',
    '\t\t}',
    '\t}',
    '}',
    '',
  ].join('\n');

const sendHelper = [
  '',
  '// sendWithTraceHeaders sends a request on client with the incoming request\'s context and trace headers, as',
  '// client.Get, Head, Post and PostForm would without them (added by Trace Stitch).',
  'func sendWithTraceHeaders(in *http.Request, client *http.Client, method, url, contentType string, body io.Reader) (*http.Response, error) {',
  '\tout, err := http.NewRequestWithContext(in.Context(), method, url, body)',
  '\tif err != nil {',
  '\t\treturn nil, err',
  '\t}',
  '\tif contentType != "" {',
  '\t\tout.Header.Set("Content-Type", contentType)',
  '\t}',
  '\tforwardTraceHeaders(in, out)',
  '\treturn client.Do(out)',
  '}',
  '',
].join('\n');

const declares = (text: string, name: string): boolean => new RegExp(`^func ${name}\\(`, 'm').test(text);

/**
 * The helpers a fix calls that the file does not declare yet (appended once, at its end), with the imports they and
 * the fixed call need.
 */
export function goHelperEdits(
  root: SyntaxNode,
  text: string,
  headers: readonly string[],
  needs: { readonly send: boolean; readonly imports: readonly string[] },
): TextEdit[] {
  const imports = ['net/http', ...needs.imports];
  let helpers = '';
  if (needs.send && !declares(text, 'sendWithTraceHeaders')) {
    helpers += sendHelper;
    imports.push('io');
  }
  if (!declares(text, 'forwardTraceHeaders')) helpers += forwardHelper(headers);
  const edits = goImportEdits(root, text, imports);
  if (helpers !== '') edits.push({ startOffset: text.length, endOffset: text.length, newText: helpers });
  return edits;
}

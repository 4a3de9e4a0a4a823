/**
 * The viewer page's Content Security Policy: nothing by default; scripts only with the page's nonce; styles, fonts
 * and images only from the extension's own bundle folder (`source`, the webview's resource origin). No inline
 * script, no inline handlers, no remote resources.
 */
export function viewerContentSecurityPolicy(nonce: string, source: string): string {
  return ["default-src 'none'", `script-src 'nonce-${nonce}'`, `style-src ${source}`, `font-src ${source}`, `img-src ${source} data:`].join('; ');
}

/** Options the harness passed to this in-host run (empty under @vscode/test-electron). */
export const hostOptions: { current: Readonly<Record<string, string>> } = { current: {} };

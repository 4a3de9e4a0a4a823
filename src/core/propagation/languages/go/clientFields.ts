/**
 * The names of struct fields declared `*http.Client` (or `http.Client`) in a Go source, read from its text without
 * parsing it: the other files of a package are only skimmed for them (see `ProjectFacts.goClientFields`).
 */
export function goClientFieldsIn(text: string): string[] {
  if (!text.includes('"net/http"')) return [];
  const alias = /^[ \t]*(?:import[ \t]+)?(\w+)[ \t]+"net\/http"/m.exec(text)?.[1] ?? 'http';
  const declaration = new RegExp(`^[ \\t]*(\\w+(?:[ \\t]*,[ \\t]*\\w+)*)[ \\t]+\\*?${alias}\\.Client\\b`, 'gm');
  const fields: string[] = [];
  for (const match of text.matchAll(declaration)) for (const name of (match[1] ?? '').split(',')) fields.push(name.trim());
  return fields;
}

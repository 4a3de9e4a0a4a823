/** Tree-sitter query files, bundled as text by esbuild (`loader: { '.scm': 'text' }`). */
declare module '*.scm' {
  const source: string;
  export default source;
}

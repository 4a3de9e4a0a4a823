// Lint: typescript-eslint's strict and stylistic type-checked presets over every TypeScript tree.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const noVscode = {
  'no-restricted-imports': [
    'error',
    {
      paths: [{ name: 'vscode', message: 'src/core and webview must not depend on VS Code; put glue in src/features.' }],
    },
  ],
};

export default tseslint.config(
  { ignores: ['demo/workspace/**', 'dist/**', 'out/**', '.vscode-test/**', 'node_modules/**', 'test-results/**', '**/*.d.ts', 'test/fixtures/**'] },
  js.configs.recommended,
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.strictTypeChecked, tseslint.configs.stylisticTypeChecked],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      eqeqeq: ['error', 'always'],
    },
  },
  { files: ['src/core/**/*.ts', 'webview/**/*.ts'], rules: noVscode },
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);

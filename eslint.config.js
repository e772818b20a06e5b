// Lint: typescript-eslint (type-aware), React hooks, and the house rules on imports (ARCHITECTURE.md).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'src/routeTree.gen.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: 'Math.random is not a secure source: use crypto.getRandomValues.',
        },
        {
          selector: "CallExpression[callee.name='eval'], NewExpression[callee.name='Function']",
          message: 'Untrusted text is text: never evaluate strings.',
        },
      ],
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Untrusted text is text: render React text nodes.' },
        { property: 'outerHTML', message: 'Untrusted text is text: render React text nodes.' },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*'],
              message: 'App code runs in the browser: no Node built-ins outside tests.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'localStorage', message: 'Storage is only touched by src/stores/.' },
        { name: 'sessionStorage', message: 'Storage is only touched by src/stores/.' },
        { name: 'indexedDB', message: 'Storage is only touched by src/stores/.' },
      ],
    },
  },
  {
    // Logic and shared code never import views, routes, or other tools (ARCHITECTURE: one-way flow).
    files: ['src/lib/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/tools/**', '**/routes/**', '**/components/**', '**/stores/**'],
              message: 'lib/ is the bottom layer.',
            },
            {
              group: ['react', 'react-dom', 'zustand', '@tanstack/*'],
              message: 'lib/ is framework-free.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/tools/*/**', '**/routes/**'],
              message: 'components/ may not reach up into tools or routes.',
            },
          ],
        },
      ],
    },
  },
  {
    // A tool's logic is plain functions: no React, no stores, no DOM frameworks. Views (*-view.tsx) wire it up.
    files: ['src/tools/*/**/*.ts'],
    // Hooks (use-*.ts) are view code without JSX.
    ignores: ['src/tools/*/**/*.test.ts', 'src/tools/*/**/use-*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', 'zustand', '@tanstack/*'],
              message: 'Tool logic is framework-free; put React in the *-view.tsx.',
            },
            {
              group: ['**/routes/**', '**/stores/**'],
              message: 'Tool logic does not reach routes or stores.',
            },
            {
              group: ['../*/**', '!../../**'],
              message: 'Tools never import each other: move shared code to lib/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/stores/**/*.{ts,tsx}'],
    rules: { 'no-restricted-globals': 'off' },
  },
  {
    files: ['**/*.test.ts', 'e2e/**', 'bench/**', '*.config.{ts,js}'],
    languageOptions: { globals: globals.node },
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['**/*.{js,mjs}'],
    ...tseslint.configs.disableTypeChecked,
  },
);

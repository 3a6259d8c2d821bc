import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/**
 * Folder rules from DESIGN.md: ui → manager → runtime → storage, api, integrations → core.
 * Type-only imports count too: a type lives with its owner, below its users (STYLE.md 19).
 */
const forbid = (...groups) => ({
  'no-restricted-imports': [
    'error',
    { patterns: groups.map(([pattern, message]) => ({ group: [pattern], message })) },
  ],
});
const notUi = ['**/ui/**', 'UI code is imported by URL at run time, never statically.'];
const notManager = ['**/manager/**', 'The manager is imported by URL at run time.'];
const notLoader = ['**/loader/**', 'Nothing imports the loader: it is the entry sites include.'];
const notRuntime = [
  '**/runtime/**',
  'The runtime applies storage and the integrations: they cannot depend on it.',
];
const notElements = ['**/elements/**', 'The custom elements are shells over the window API.'];
const notPreact = ['preact', 'Preact belongs to src/ui only.'];
const notPreactSub = ['preact/*', 'Preact belongs to src/ui only.'];
const notSignals = ['@preact/*', 'Signals belong to src/ui only.'];
const notBrowserParts = [
  '**/{storage,api,integrations,elements}/**',
  'This part cannot depend on browser parts.',
];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'playwright-report/', '.data/', 'demo/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // The import graph has no cycle (issue 13), type-only imports included.
    files: [
      'src/**/*.{ts,tsx}',
      'server/**/*.ts',
      'scripts/**/*.ts',
      'bench/**/*.ts',
      'e2e/**/*.ts',
    ],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // STYLE.md 21: every e2e test gets the automatic page-error fixture of fixtures.ts.
    files: ['e2e/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@playwright/test',
              importNames: ['test', 'expect'],
              allowTypeImports: true,
              message:
                'Import test and expect from ./fixtures.ts: its automatic fixture fails a test on a page or console error.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/core/**'],
    rules: forbid(
      notUi,
      notManager,
      notLoader,
      notBrowserParts,
      notRuntime,
      notPreact,
      notPreactSub,
      notSignals,
      ['idb-keyval', 'The core is pure: no storage.'],
    ),
  },
  {
    files: ['src/storage/**', 'src/api/**', 'src/integrations/**'],
    rules: forbid(notUi, notManager, notLoader, notRuntime, notPreact, notPreactSub, notSignals),
  },
  {
    // Created by the loader, driven by the manager, handed to the UI: it imports none of them.
    files: ['src/runtime/**'],
    rules: forbid(notUi, notManager, notLoader, notElements, notPreact, notPreactSub, notSignals),
  },
  {
    files: ['src/manager/**', 'src/loader/**', 'src/elements/**'],
    rules: forbid(notUi, notLoader, notPreact, notPreactSub, notSignals),
  },
  {
    files: ['src/loader/**'],
    rules: forbid(notUi, notManager, notPreact, notPreactSub, notSignals),
  },
  {
    files: ['src/ui/**'],
    rules: forbid(notLoader),
  },
  {
    // The GPP bundle (issue 21): imported by URL by the loader, beside the manager, like it.
    files: ['src/gpp/**'],
    ignores: ['src/gpp/**/*.test.ts'],
    rules: forbid(notUi, notManager, notLoader, notElements, notPreact, notPreactSub, notSignals, [
      '@iabgpp/*',
      'The IAB library does not tree-shake (issue 21): only tests decode with it.',
    ]),
  },
  {
    files: ['server/**'],
    rules: forbid(
      notUi,
      notManager,
      notLoader,
      notBrowserParts,
      notRuntime,
      notPreact,
      notPreactSub,
      notSignals,
    ),
  },
);

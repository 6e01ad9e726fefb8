// Lint rules: typescript-eslint (type-aware: no floating promises), react-hooks, and the layering
// rules: `electron` stays out of the engine and shared/; the renderer reaches neither Node nor
// electron/ (the engine included), and its state layer never imports a view.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const NODE_BUILTINS = ['node:*', 'fs', 'path', 'crypto', 'http', 'https', 'os', 'child_process'];
const RENDERER_PATHS = [
  { name: 'electron', message: 'the renderer reaches Electron only through its bridge' },
];
const RENDERER_PATTERNS = [
  { group: NODE_BUILTINS, message: 'the renderer runs in a page: no Node built-ins' },
  {
    group: ['**/electron/**', '**/electron'],
    message: 'the renderer never imports main-process or engine code: use the bridge and shared/',
  },
];

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'dist',
      'dist-electron',
      'dist-cli',
      'release',
      'test-results',
      'playwright-report',
      'bench/results',
      'bench/.build',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node, ...globals.browser },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['renderer/**/*.tsx', 'renderer/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Engine code and shared/ run without Electron (tests, browser mode): never import it.
    files: ['electron/engine/**', 'shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'engine and shared code must run without Electron' },
          ],
        },
      ],
    },
  },
  {
    // shared/ is used by the renderer too: no Node built-ins.
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'shared code must run without Electron' }],
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'crypto', 'http', 'https', 'os', 'child_process'],
              message: 'shared/ is pure: no Node built-ins',
            },
          ],
        },
      ],
    },
  },
  {
    // The renderer is a page: it talks to the engine only through its bridge (shared/ types and
    // pure code are fine), never through Node or code under electron/.
    files: ['renderer/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: RENDERER_PATHS, patterns: RENDERER_PATTERNS }],
    },
  },
  {
    // State (slices, timeline data) is below the views: views select from it, never the reverse.
    files: ['renderer/state/**', 'renderer/bridge/**', 'renderer/lib/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: RENDERER_PATHS,
          patterns: [
            ...RENDERER_PATTERNS,
            {
              group: ['**/views', '**/views/**', '**/components/**'],
              message: 'renderer state, bridge and lib never import views or components',
            },
          ],
        },
      ],
    },
  },
);

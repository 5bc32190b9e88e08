// @ts-check
/**
 * Lint: typed rules everywhere, plus import zones that keep each runtime in its lane
 * (see ../shared/STYLE.md §1):
 *   shared/        imports only shared/ and zod: no Electron, Node, React, DOM or SQLite;
 *   src-renderer/  imports shared/ and itself, never the main process;
 *   src-main/      never imports the renderer; inside it, ipc -> services -> db, never back up;
 *   preload        imports only electron and shared/ipc/channels.
 * Zones match path segments of the import string, so they need no module resolver: every
 * cross-folder import is either `@shared/...` or a relative path that names the folder.
 */
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { builtinModules } from 'node:module';
import globals from 'globals';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

/** An import whose path passes through one of `folders`. */
const through = (folders, message) => ({ regex: `(^|/)(${folders.join('|')})(/|$)`, message });

/** A relative import that reaches into one of `folders` (for layers inside src-main). */
const intoSibling = (folders, message) => ({ regex: `^\\.\\.?/(.*/)?(${folders.join('|')})(/|$)`, message });

const mainNeverImportsRenderer = through(['src-renderer'], 'Main must not import renderer code.');

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: [
          './tsconfig.shared.json',
          './tsconfig.node.json',
          './tsconfig.web.json',
          './tsconfig.test.json',
        ],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'react', 'react-dom', 'better-sqlite3', ...nodeBuiltins],
          patterns: [
            { group: ['react/*', 'react-dom/*', 'electron/*'], message: 'shared/ stays runtime-free.' },
            through(
              ['src-main', 'src-renderer', 'tests', 'build'],
              'shared/ is pure: it may import only shared/ and pure libraries.',
            ),
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require'],
    },
  },
  {
    files: ['src-main/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [mainNeverImportsRenderer] }] },
  },
  {
    files: ['src-main/db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron'],
          patterns: [
            mainNeverImportsRenderer,
            intoSibling(
              ['services', 'ipc', 'web', 'preload'],
              'db/ is the bottom layer: ipc -> services -> db.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/services/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron'],
          patterns: [
            mainNeverImportsRenderer,
            intoSibling(['ipc', 'web', 'preload'], 'services/ know nothing of IPC or transports.'),
          ],
        },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'better-sqlite3', 'zod/v3', ...nodeBuiltins],
          patterns: [through(['src-main'], 'The renderer reaches main only through the typed client.')],
        },
      ],
    },
  },
  {
    // Only the typed client may look for the preload bridge.
    files: ['src-renderer/**/*.{ts,tsx}'],
    ignores: ['src-renderer/src/api/transport.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='window'][property.name='api']",
          message: 'Use the typed client in src-renderer/src/api/client.ts, never window.api.',
        },
      ],
    },
  },
  {
    files: ['src-main/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!electron$|@shared/ipc/channels$)',
              message: 'The sandboxed preload may import only electron and @shared/ipc/channels.',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      'src-main/**/*.ts',
      'tests/**/*.ts',
      'build/**/*.ts',
      'build/**/*.mjs',
      '*.config.ts',
      'scripts/**/*.mjs',
      '*.config.js',
    ],
    languageOptions: { globals: globals.node },
  },
  {
    // Playwright reads fixture needs from the destructured first argument, so `({}, use)` is its idiom.
    files: ['tests/e2e/**/*.ts', 'tests/electron/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    // Benchmarks run in Node and, through page.evaluate, in the page.
    files: ['bench/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['scripts/**/*.mjs', 'build/**/*.mjs', 'bench/**/*.mjs', '*.config.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);

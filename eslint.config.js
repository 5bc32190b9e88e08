// @ts-check
/**
 * Lint: typed rules everywhere, plus import zones that keep each runtime in its lane
 * (see ../shared/STYLE.md §1):
 *   shared/        imports only shared/ and zod: no Electron, Node, React, DOM or SQLite;
 *   src-renderer/  imports shared/ and itself, never the main process;
 *   src-main/      never imports the renderer; its db/ layer knows nothing of services or IPC;
 *   preload        imports only electron and shared/ipc/channels.
 */
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { builtinModules } from 'node:module';
import globals from 'globals';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

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
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: [
            './tsconfig.node.json',
            './tsconfig.web.json',
            './tsconfig.test.json',
            './tsconfig.shared.json',
          ],
          noWarnOnMultipleProjects: true,
        }),
      ],
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './shared',
              from: ['./src-main', './src-renderer', './tests', './build'],
              message: 'shared/ is pure: it may import only shared/ and pure libraries.',
            },
            {
              target: './src-renderer',
              from: './src-main',
              message: 'The renderer reaches main only through the typed client.',
            },
            { target: './src-main', from: './src-renderer', message: 'Main must not import renderer code.' },
            {
              target: './src-main/db',
              from: ['./src-main/services', './src-main/ipc', './src-main/web', './src-main/preload'],
              message: 'db/ is the bottom layer: ipc -> services -> db.',
            },
            {
              target: './src-main/services',
              from: ['./src-main/ipc', './src-main/web', './src-main/preload'],
              message: 'services/ know nothing of IPC or transports.',
            },
          ],
        },
      ],
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
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require'],
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
        { paths: ['electron', 'better-sqlite3', 'zod/v3', ...nodeBuiltins] },
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
    files: ['scripts/**/*.mjs', '*.config.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);

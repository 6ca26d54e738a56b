// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { batonPlugin, boundaryConfigs } from './eslint.boundaries.mjs';
import { rawQueryPlugin } from './eslint.raw-query.mjs';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.baton/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // Formatting is Prettier's job (npm run format); this turns off the rules that would fight it.
  prettier,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Function is the honest type of a TypeORM migration class list.
      '@typescript-eslint/no-unsafe-function-type': 'off',
      'no-console': 'error',
    },
  },
  // Who may import whom: generated from the tsconfig paths (see eslint.boundaries.mjs).
  ...boundaryConfigs,
  {
    files: ['libs/**/*.ts', 'apps/**/*.ts'],
    plugins: { baton: batonPlugin },
    rules: { 'baton/no-relative-escape': 'error' },
  },
  {
    // Raw SQL results are typed where they are read (migrations and tests are left loose).
    files: ['libs/**/*.ts', 'apps/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    plugins: { 'raw-query': rawQueryPlugin },
    rules: { 'raw-query/typed-result': 'error' },
  },
  {
    // Cycles between files, inside a lib as well as across libs (the layer order forbids the latter already).
    files: ['libs/**/*.ts', 'apps/**/*.ts', 'migrations/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Tests, the CLI and benchmarks talk to people on the console; tests use loose typing for GraphQL answers.
    files: ['test/**/*.ts', 'apps/cli/**/*.ts', '**/*.spec.ts', 'libs/demo/src/demo-banner.ts'],
    rules: { 'no-console': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
);

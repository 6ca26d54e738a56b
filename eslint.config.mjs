// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

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
  {
    // A lib is reached only through its index.ts via @baton/<lib>, never by a relative path.
    files: ['libs/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(\\.\\./)+([a-z-]+/)?[a-z-]+/src(/|$)', message: 'Import other libs through @baton/<lib>.' }] },
      ],
    },
  },
  {
    // Domain libs never reach for the composition root: it imports them (a cycle otherwise).
    files: ['libs/**/*.ts'],
    ignores: ['libs/composition/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: '@baton/composition', message: 'Only apps import the composition root.' }],
          patterns: [{ regex: '^(\\.\\./)+([a-z-]+/)?[a-z-]+/src(/|$)', message: 'Import other libs through @baton/<lib>.' }],
        },
      ],
    },
  },
  {
    // Platform libs never depend on domain libs (nor on the composition root).
    files: ['libs/{config,core,database,auth,graphql,pubsub,observability,outbox,audit,queue,crypto}/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            '@baton/identity',
            '@baton/events',
            '@baton/organisations',
            '@baton/skills',
            '@baton/staff',
            '@baton/scheduling',
            '@baton/rostering',
            '@baton/alumni',
            '@baton/opportunities',
            '@baton/talent',
            '@baton/credentials',
            '@baton/demo',
            '@baton/composition',
          ].map((name) => ({
            name,
            message: 'A platform lib must not import a domain lib.',
          })),
          patterns: [{ regex: '^(\\.\\./)+([a-z-]+/)?[a-z-]+/src(/|$)', message: 'Import other libs through @baton/<lib>.' }],
        },
      ],
    },
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

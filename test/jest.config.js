// Plain JS: Jest would need ts-node to read a TypeScript config.
const { resolve } = require('node:path');
const tsconfig = require('../tsconfig.json');

const root = resolve(__dirname, '..');
const moduleNameMapper = Object.fromEntries(
  Object.entries(tsconfig.compilerOptions.paths).map(([alias, [target]]) => [`^${alias}$`, `<rootDir>/${target.replace(/^\.\//, '')}`]),
);

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];

const common = {
  rootDir: root,
  moduleNameMapper,
  // Nest 12, PGlite, jose and openid-client ship ESM: let swc turn them into CommonJS for Jest.
  transform: { '^.+\\.(t|j|mj|cj)s$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|@electric-sql|@faker-js|jose|openid-client|oauth4webapi)/)'],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  testEnvironment: 'node',
};

module.exports = {
  maxWorkers: 2,
  // Global only: Jest ignores testTimeout inside projects. A guard against a hung test, not a speed
  // check: CI runs two workers on two cores beside PostgreSQL, and starting PGlite twice or booting
  // the app with its migrations there took over 30 s.
  testTimeout: 120_000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/utils/global-setup.ts',
      globalTeardown: '<rootDir>/test/utils/global-teardown.ts',
    },
  ],
};

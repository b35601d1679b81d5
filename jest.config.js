/**
 * Jest, transpiled by swc (type checking runs once in `npm run typecheck`). `*.e2e.test.ts` files run
 * whole processes (main.ts, scripts) and are their own step: `npm run test:e2e`.
 */
const { sourceEntryPoints } = require('./scripts/package-source');

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

module.exports = {
  testEnvironment: 'node',
  // Jest's default (cores - 1) leaves one of two cores idle; suites are CPU-bound module loading.
  maxWorkers: 2,
  // Whole-stack synths and child processes take 1-4 s here; Jest's 5 s default would fail them on
  // a slower or busier machine. Speed is measured by `npm run bench`, not by test timeouts.
  testTimeout: 30_000,
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  // Tests import the package by its name, as a tenant does; here it resolves to src/ (no build).
  moduleNameMapper: Object.fromEntries(Object.entries(sourceEntryPoints()).map(([name, file]) => [`^${escape(name)}$`, file])),
};

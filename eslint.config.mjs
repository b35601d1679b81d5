// ESLint (flat config): typescript-eslint's type-aware recommended rules on every TypeScript file of
// tsconfig.json (sources, stacks, tests, scripts, bench, the example tenant), and the rules that need
// no types on the CommonJS scripts (scripts/, bench/, jest.config.js, the Lambda handler). Formatting
// is Prettier's job (.prettierrc.json); no rule here is about layout.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig(
  {
    // Generated or third-party output; `git ls-files` holds nothing under these paths. The example
    // tenant's `tsc` (its `npm run build`) writes .js next to its .ts sources.
    ignores: ['**/node_modules/', '**/cdktf.out/', '**/cdktf.hcl/', 'dist/', 'coverage/', '.tmp/', '**/.gen/', '.terraform-cli/', 'examples/**/*.js'],
  },
  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      // One program for every file: tsconfig.json includes the example tenant with the package's
      // name mapped to src/, which examples/api-tenant/tsconfig.json (a tenant's own) cannot do.
      parserOptions: { project: './tsconfig.json', tsconfigRootDir: root },
    },
    rules: {
      // The project's CommonJS scripts are outside the TypeScript program (no allowJs); TypeScript
      // files require them by their .js name and state the type they use at the require.
      '@typescript-eslint/no-require-imports': ['error', { allow: ['\\.js$'] }],
      // `const { omitted: _, ...rest } = object` is how the code drops a key.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  {
    // Tests walk synthesized Terraform JSON (JSON.parse, Testing.synth: `any` by nature) and pass
    // deliberately malformed input; the assertion on each value is the check, so the rules about
    // `any` flowing through would only add casts. Sources, stacks and scripts keep them.
    files: ['__tests__/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [js.configs.recommended],
    languageOptions: { globals: globals.node },
    rules: { 'no-unused-vars': ['error', { ignoreRestSiblings: true }] },
  },
  {
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
  },
);

// typescript-eslint parses with TypeScript's JS API, which TypeScript 7 does not have: the `typescript` package
// here is the TypeScript 6 API (@typescript/typescript6), while `tsc` is TypeScript 7 (@typescript/native).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores(['data/', '.bench/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  {
    // Type-aware, for the two promise rules only: an unawaited append or dispose is a real bug in an async engine.
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    rules: {
      // `_name` marks a value left out on purpose (destructured away, or a parameter the signature needs).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // The code writes `(a += 1), (b = 0)` on purpose and tests use chai's `expect(x).to.be.true`; tsc reports effect-free ones.
      '@typescript-eslint/no-unused-expressions': 'off',
      // Late binding: a closure written before the one assignment reads the variable (carriers made before their handlers).
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  {
    // Tests, the demo and the replay read JSON answers loosely; the engine's own layers never use `any`.
    files: ['test/**', 'scripts/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    // CommonJS files (mocha's reporter, dependency-cruiser's config) load with require().
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);

import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { dependencyDirection } from './eslint/dependency-direction.js';

// APIs that core must not touch: it is pure logic, and I/O is passed in (design.md, Architecture).
const forbiddenInCore = ['window', 'document', 'fetch', 'indexedDB', 'localStorage', 'sessionStorage',
  'XMLHttpRequest', 'WebSocket', 'navigator', 'chrome', 'browser', 'location', 'self', 'postMessage'];

/** The architecture rules of design.md, exported so a test can prove they fire. */
export const architectureRules = [
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    plugins: { local: { rules: { 'dependency-direction': dependencyDirection } } },
    rules: { 'local/dependency-direction': 'error', 'no-console': ['error', { allow: ['warn', 'error'] }] },
  },
  {
    files: ['src/core/**/*.ts', 'src/core/**/*.tsx'],
    rules: {
      'no-restricted-globals': ['error', ...forbiddenInCore.map((name) => ({
        name, message: `src/core is pure: "${name}" is I/O or a browser API; pass it in instead (design.md).`,
      }))],
    },
  },
];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.cache/', '.scratch/'] },
  js.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [tseslint.configs.strictTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allow: [{ from: 'lib', name: 'bigint' }] }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  ...architectureRules,
  {
    files: ['**/*.js'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly' } },
  },
);

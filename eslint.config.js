// Lint rules that keep the architecture honest: a React-free ML core, a worker that owns
// TensorFlow.js, and a UI that never imports it.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist', 'dist-bench', 'node_modules', 'test-results', 'playwright-report', 'bench/tmp'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['src/ui/**/*.tsx', 'src/ui/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'react',
                'react-*',
                'recharts',
                'zustand',
                'zustand/*',
                '**/ui/**',
                '**/state/**',
                '**/worker/**',
              ],
              message: 'src/core is plain TypeScript: no React, UI, state or worker imports.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'self'],
    },
  },
  {
    files: ['src/worker/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-*', 'recharts', 'zustand', 'zustand/*', '**/ui/**', '**/state/**'],
              message: 'The worker never imports UI code.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/state/**/*.ts', 'src/main.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@tensorflow/*'],
              allowTypeImports: true,
              message: 'TensorFlow.js lives in the worker; the page only talks to it.',
            },
          ],
        },
      ],
    },
  },
  {
    // Synchronous GPU→CPU reads break the WebGPU device; app code reads with `await data()`.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.property.name=/^(dataSync|arraySync)$/]',
          message: 'Use `await tensor.data()`: synchronous reads stall the GPU and break WebGPU.',
        },
      ],
    },
  },
);

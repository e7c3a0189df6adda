// Flat config: typescript-eslint strict with type information, plus the package arrows (model and
// contracts import nothing of ours; web never imports data, server or cli).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

const ours = [
  '@palliamonitor/model',
  '@palliamonitor/data',
  '@palliamonitor/server',
  '@palliamonitor/cli',
];

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'coverage/**', 'packages/web/dist/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { ignoreRestSiblings: true, argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      eqeqeq: ['error', 'always'],
      curly: ['error', 'all'],
    },
  },
  {
    files: ['**/*.js'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['packages/model/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@palliamonitor/*'], message: 'model is pure: it imports nothing of ours' },
            {
              group: ['node:*', 'fs', 'path', 'os', 'http', 'crypto'],
              message: 'model has no I/O',
            },
            { group: ['../../*'], message: 'model imports nothing outside its package' },
          ],
        },
      ],
    },
  },
  {
    // Tests and benchmarks of the model may read the shared reference files; its sources may not.
    files: ['packages/model/**/*.test.ts', 'packages/model/test/**', 'packages/model/bench/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // The API's shapes are the bottom of the picture: everybody may read them, they read nobody.
    files: ['packages/contracts/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@palliamonitor/*'], message: 'contracts import nothing of ours' },
            { group: ['node:*'], message: 'contracts run in the browser too: no Node modules' },
            { group: ['../../*'], message: 'contracts import nothing outside their package' },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/data/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@palliamonitor/server', '@palliamonitor/cli', '@palliamonitor/web'],
              message: 'data sits below server and cli',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/server/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@palliamonitor/cli', '@palliamonitor/web'],
              message: 'server does not import cli or web',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/web/**/*.tsx', 'packages/web/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    files: ['packages/web/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ours.filter((p) => p !== '@palliamonitor/model'),
              message: 'web talks to the server over HTTP only',
            },
          ],
        },
      ],
    },
  },
);

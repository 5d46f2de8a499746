// @ts-check
/**
 * Lint rules that keep the architecture (docs/architecture.md): imports point downwards only
 * (apps -> libs -> workflows), no import cycles, the pure layers (workflows/, libs/calendar) import no framework,
 * database, queue or mail package and nothing of ours, libs never import apps, and the worker never imports the API.
 * Formatting is Prettier's (eslint-config-prettier turns off the rules it owns).
 */
import eslint from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const FRAMEWORK_AND_IO = ['@nestjs/*', 'typeorm', 'bull', 'ioredis', 'nodemailer', 'pg', 'sqlite3', 'express'];
const noFrameworkNorOurs = (extra = []) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        { group: FRAMEWORK_AND_IO, message: 'The pure layers import no framework, database, queue or mail package.' },
        { group: ['@app/*', ...extra], message: 'This layer imports nothing of ours (docs/architecture.md).' },
      ],
    },
  ],
});

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'data/**',
      'bench/results/**',
      '**/*.js',
      '**/*.mjs',
      '.dist-build-*/**',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  importX.flatConfigs.typescript,
  {
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })] },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './libs', from: './apps', message: 'libs never import apps.' },
            {
              target: './workflows',
              from: ['./apps', './libs', './config'],
              message: 'workflows/ imports nothing of ours.',
            },
            {
              target: './libs/calendar',
              from: ['./apps', './libs', './workflows', './config'],
              except: ['./calendar'],
              message: 'libs/calendar imports nothing of ours.',
            },
            { target: './apps/worker', from: './apps/api', message: 'The worker never imports the API.' },
            { target: './config', from: ['./apps', './libs'], message: 'config/ imports no app or lib.' },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  { files: ['workflows/**/*.ts'], ignores: ['workflows/**/*.spec.ts'], rules: noFrameworkNorOurs() },
  { files: ['libs/calendar/**/*.ts'], rules: noFrameworkNorOurs() },
  {
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', '**/*.faults-spec.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
  prettier,
);

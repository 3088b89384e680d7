// ESLint flat config: typescript-eslint with type information (projectService reads tsconfig.json).
// Formatting is Prettier's job (.prettierrc.json); no stylistic rule sets here.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

// Workflow code runs in Temporal's deterministic sandbox and is replayed; domain/ holds the pure rules it shares.
// Neither may reach the host: no Node built-ins, no I/O clients, no activity code (activity *types* are fine).
const sandboxed = ['workflows/**/*.ts', 'domain/**/*.ts'];
const nodeBuiltins = builtinModules.filter((name) => !name.startsWith('_'));
const hostOnly = (what) => `${what} is not available in, or not deterministic inside, the Temporal workflow sandbox.`;

export default defineConfig(
  {
    ignores: ['node_modules/', 'generated/', '.data/', '.tools/', 'coverage/'],
  },
  js.configs.recommended,
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      // `{ key: _key, ...rest }` and `(_unused) =>` are how the codebase drops a field or an argument.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Objects are built from closures (no class uses `this` but Error and Date subclasses), so passing `teardown.run` is safe.
      '@typescript-eslint/unbound-method': 'off',
      // Card and message templates align Chinese text with U+3000 ideographic spaces on purpose.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true }],
    },
  },
  {
    files: sandboxed,
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodeBuiltins.map((name) => ({ name, message: hostOnly(`The Node built-in '${name}'`) })),
            { name: '@temporalio/client', message: 'Workflows talk to other workflows through @temporalio/workflow, never the client.' },
            { name: '@temporalio/worker', message: hostOnly('@temporalio/worker') },
            { name: '@temporalio/activity', message: 'Activity context belongs in activities/.' },
            { name: '@temporalio/testing', message: 'Test helpers belong in test/.' },
            { name: 'pg', message: 'Database access belongs in activities/.' },
            { name: 'nodemailer', message: 'Sending mail belongs in activities/ and notifications/.' },
          ],
          patterns: [
            { group: ['node:*'], message: hostOnly('A Node built-in') },
            { group: ['@prisma/*', 'prisma', 'prisma/*'], message: 'Database access belongs in activities/.' },
            { group: ['@larksuiteoapi/*'], message: 'Lark calls belong in activities/ and lark/.' },
            {
              // Every module a workflow imports is evaluated again for each cached workflow: zod would cost ~1 MiB each.
              group: ['zod', 'zod/*'],
              allowTypeImports: true,
              message: 'Workflow code checks payloads with domain/payload-spec.ts; zod stays with the clients (`import type` only).',
            },
            {
              regex: '(^|/)(activities|generated)(/|$)',
              allowTypeImports: true,
              message: 'Workflows call activities through proxyActivities and never load the Prisma client: `import type` only.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['process', 'Buffer', 'require', '__dirname', '__filename', 'fetch'].map((name) => ({ name, message: hostOnly(name) })),
        ...['setInterval', 'clearInterval', 'setImmediate', 'clearImmediate'].map((name) => ({
          name,
          message: `${hostOnly(name)} Use sleep() or condition() with a timeout from @temporalio/workflow.`,
        })),
        { name: 'queueMicrotask', message: `${hostOnly('queueMicrotask')} Await a promise instead.` },
        // Covers performance.now().
        { name: 'performance', message: `${hostOnly('performance')} Workflow time is Date.now(), which the sandbox fixes per activation.` },
        // Covers crypto.randomUUID() and crypto.getRandomValues().
        { name: 'crypto', message: `${hostOnly('crypto')} Use uuid4() from @temporalio/workflow.` },
        ...['WeakRef', 'FinalizationRegistry'].map((name) => ({ name, message: `${name} depends on garbage collection, which replay does not reproduce.` })),
      ],
      // The sandbox seeds Math.random and pins Date per activation, so both replay; still, identifiers come from uuid4() and time
      // is read as Date.now() (allowed, used by the workflows), so that what depends on the workflow's randomness and clock is visible.
      'no-restricted-properties': [
        'error',
        {
          object: 'Math',
          property: 'random',
          message: 'Say where randomness comes from: uuid4() from @temporalio/workflow for identifiers; domain rules take their inputs as arguments.',
        },
        ...['process', 'crypto', 'performance', 'setInterval', 'setImmediate', 'queueMicrotask', 'fetch', 'Buffer', 'require'].flatMap((property) =>
          ['globalThis', 'global', 'window', 'self'].map((object) => ({ object, property, message: hostOnly(property) })),
        ),
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'ImportExpression', message: 'The workflow bundle is built ahead of time: no dynamic import().' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Write Date.now() so that reading workflow time stands out.' },
      ],
    },
  },
);

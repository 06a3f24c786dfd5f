// The layer rule lives here: src/core runs in the desktop extension, the browser and the CLI,
// so it may import neither vscode nor any Node built-in. Hosts give it what it needs.
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...new Set(builtinModules.flatMap((name) => [name, `${name}/*`, `node:${name}`, `node:${name}/*`]))];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'bench/results/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'vscode', message: 'src/core is host-free: convert to vscode types in src/host.' },
            ...nodeBuiltins.map((name) => ({ name, message: 'src/core is host-free: take host services (files, workers) as interfaces.' })),
          ],
          patterns: [{ group: ['node:*'], message: 'src/core is host-free: no Node built-ins.' }],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'src/core is host-free.' },
        { name: 'require', message: 'src/core is host-free.' },
        { name: 'Buffer', message: 'src/core is host-free: use Uint8Array.' },
        { name: '__dirname', message: 'src/core is host-free.' },
      ],
    },
  },
  {
    // The web extension runs in a browser worker: no Node built-ins there either.
    files: ['src/web/**/*.ts', 'src/host/**/*.ts', 'src/features/**/*.ts', 'src/activateFeatures.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: nodeBuiltins.map((name) => ({ name, message: 'Runs in the web extension host too: Node services come in through HostServices (src/node).' })) },
      ],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/core/**', 'src/web/**', 'src/activateFeatures.ts', 'src/host/**', 'src/features/**', 'src/extension.ts', 'src/web/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'Only the extension (src/host, src/features, src/extension.ts) imports vscode.' }],
          patterns: [],
        },
      ],
    },
  },
);

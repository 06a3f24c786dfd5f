// The layer rules live here, as lint rather than convention (README, "Architecture"):
// - src/core runs in the desktop extension, the browser and the CLI: it imports neither vscode nor
//   any Node built-in, and nothing from the layers above it (host, features, node, cli, the entries).
// - src/host, src/features, src/activateFeatures.ts and src/web run in the web extension host too:
//   no Node built-ins and nothing from src/node (Node services come in through HostServices).
// - One folder per editor feature: no feature imports another; what two features share lives in
//   src/core or src/host.
// - src/node and src/cli run without VS Code: no vscode.
// - Inside the core, core/comments does not import core/parse (the parse reads threads); the
//   editor and the CLI do not import core/parsing.ts (the incremental parse, for src/node).
// Imports are matched as written, so the rules assume what the code does: relative imports, one
// folder level under src/features. ESLint keeps the last config block's options for a rule, so
// every file set below is disjoint and gets all of its restrictions in one `layerRules(...)`.
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';
import { readdirSync } from 'node:fs';

// Bare names here; every `node:` import (builtinModules lists not all of them) is a pattern below.
const nodeBuiltins = [...new Set(builtinModules.filter((name) => !name.startsWith('node:')).flatMap((name) => [name, `${name}/*`]))];
const features = readdirSync(new URL('./src/features/', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/**
 * A source reaching a folder or file of src/ from below it: `climb` is how the path leaves the
 * importing file's folder ("(\\.\\./)+" from a folder of src/, "\\./" from src/ itself).
 * "../host/convert", "../../node/fsHost", "../../features/tree/labels".
 */
const into = (climb, names) => `^${climb}(${names.join('|')})(/|$)`;

/**
 * no-restricted-imports (import and export … from, type imports too) plus the same sources in
 * `import('…')` expressions and `typeof import('…')` types, which that rule does not look at.
 */
function layerRules({ vscode = false, builtins = false, forbidden = [] }) {
  const paths = [
    ...(vscode ? [{ name: 'vscode', message: vscode }] : []),
    ...(builtins ? nodeBuiltins.map((name) => ({ name, message: builtins })) : []),
  ];
  const patterns = [
    ...(builtins ? [{ group: ['node:*'], message: builtins }] : []),
    ...forbidden.map(({ regex, message }) => ({ regex, message })),
  ];
  // esquery regexes cannot hold a "/": write it as \x2F.
  const selector = (regex) => regex.replaceAll('/', '\\x2F');
  return {
    'no-restricted-imports': ['error', { paths, patterns }],
    'no-restricted-syntax': [
      'error',
      ...forbidden.flatMap(({ regex, message }) => [
        { selector: `ImportExpression[source.value=/${selector(regex)}/]`, message },
        { selector: `TSImportType[argument.literal.value=/${selector(regex)}/]`, message },
      ]),
    ],
  };
}

const browserSafe = 'Runs in the web extension host too: Node services come in through HostServices (src/node).';
const noNodeLayer = (climb) => ({ regex: into(climb, ['node']), message: 'Runs in the web extension host too: nothing here imports src/node (its services come in through HostServices).' });
const noCli = (climb) => ({ regex: into(climb, ['cli']), message: 'src/cli is an entry point: nothing imports it.' });

const coreLayer = {
  vscode: 'src/core is host-free: convert to vscode types in src/host.',
  builtins: 'src/core is host-free: take host services (files, workers) as interfaces.',
  forbidden: [
    {
      regex: into('(\\.\\./)+', ['host', 'features', 'node', 'cli', 'web', 'activateFeatures', 'extension']),
      message: 'src/core is the bottom layer: it imports nothing from src/host, src/features, src/node, src/cli or the entry points (hosts hand it services as interfaces).',
    },
  ],
};
/** core/parsing.ts is for hosts that run the parser (src/node, the bench, tests); the editor and the CLI use core/api.ts. */
const noParsingInternals = (climb) => ({ regex: `^${climb}core/parsing$`, message: 'The incremental parse (core/parsing.ts) is for parser hosts (src/node): use core/api.ts.' });

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
      ...layerRules(coreLayer),
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
    // The parse reads comment threads (parse → comments); comments never reach back into the
    // parse: the markdown processor both use is text/markdownTree.ts.
    files: ['src/core/comments/**/*.ts'],
    rules: layerRules({
      ...coreLayer,
      forbidden: [
        ...coreLayer.forbidden,
        { regex: into('(\\.\\./)+', ['parse']), message: 'core/comments does not import core/parse (parse imports comments): parseMarkdown is in core/text/markdownTree.ts.' },
      ],
    }),
  },
  {
    files: ['src/host/**/*.ts', 'src/web/**/*.ts'],
    rules: layerRules({ builtins: browserSafe, forbidden: [noNodeLayer('(\\.\\./)+'), noCli('(\\.\\./)+'), noParsingInternals('(\\.\\./)+')] }),
  },
  {
    files: ['src/activateFeatures.ts'],
    rules: layerRules({ builtins: browserSafe, forbidden: [noNodeLayer('\\./'), noCli('\\./'), noParsingInternals('\\./')] }),
  },
  ...features.map((feature) => ({
    files: [`src/features/${feature}/**/*.ts`],
    rules: layerRules({
      builtins: browserSafe,
      forbidden: [
        noNodeLayer('(\\.\\./)+'),
        noCli('(\\.\\./)+'),
        noParsingInternals('(\\.\\./)+'),
        {
          // From src/features/<feature>/x.ts, "../<other>/…" is another feature, and so is "../../features/<other>/…".
          regex: `^(\\.\\./(?!${feature}(/|$))[^./]|(\\.\\./)+features/(?!${feature}(/|$)))`,
          message: `One folder per feature: src/features/${feature} imports no other feature. Move what features share to src/core or src/host.`,
        },
      ],
    }),
  })),
  {
    files: ['src/node/**/*.ts', 'src/cli/**/*.ts'],
    rules: layerRules({
      vscode: 'Only the extension (src/host, src/features, the entry points) imports vscode.',
      forbidden: [
        {
          regex: into('(\\.\\./)+', ['host', 'features', 'web', 'cli', 'activateFeatures', 'extension']),
          message: 'src/node and src/cli run without VS Code: nothing from src/host, src/features or the extension entries.',
        },
      ],
    }),
  },
);

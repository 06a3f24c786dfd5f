// Bundles the benchmark (orchestrator + measurement phases) into bench/dist/ with esbuild.
// The parse workers it starts are the product's own dist/parseWorker.js (`npm run build`).
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning' };
await Promise.all([
  build({ ...common, entryPoints: ['bench/run.ts'], outfile: 'bench/dist/run.cjs' }),
  build({ ...common, entryPoints: ['bench/phases.ts'], outfile: 'bench/dist/phases.cjs' }),
]);

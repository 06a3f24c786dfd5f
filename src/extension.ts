import type * as vscode from 'vscode';
import { activateFeatures, type HostServices, type PrfaqTraceApi } from './activateFeatures';
import { createCachingParser, type Config } from './core/api';
import { FileModelStore, sha1 } from './node/fileModelStore';
import { gitIdentity } from './node/gitIdentity';
import { createWorkerParser, type WorkerParser } from './node/workerParser';

export type { PrfaqTraceApi } from './activateFeatures';

/** Parsing off the extension host's thread, with models cached in the workspace's storage. */
function desktopParsing(context: vscode.ExtensionContext): NonNullable<HostServices['parsing']> {
  let editParser: { config: Config; parser: WorkerParser } | undefined;
  const storage = context.storageUri?.scheme === 'file' ? context.storageUri.fsPath : undefined;
  return {
    createParser(config) {
      const parser = createWorkerParser(config);
      if (!storage) return parser;
      const store = new FileModelStore(storage, config);
      return Object.assign(createCachingParser(parser, store, sha1), { save: () => store.save() });
    },
    extractChunks(config, texts) {
      if (editParser?.config !== config) {
        editParser?.parser.dispose();
        editParser = { config, parser: createWorkerParser(config, { workers: 1 }) };
      }
      return editParser.parser.extractChunks(texts);
    },
    dispose: () => editParser?.parser.dispose(),
  };
}

/** Desktop (and remote) entry point: worker threads, a persistent cache, git's identity. */
export function activate(context: vscode.ExtensionContext): PrfaqTraceApi {
  return activateFeatures(context, { parsing: desktopParsing(context), readGit: gitIdentity });
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}

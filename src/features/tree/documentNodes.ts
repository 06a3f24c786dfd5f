import type * as vscode from 'vscode';
import type { DocKind } from '../../core/api';
import type { LiveWorkspace } from '../../host/liveWorkspace';

/**
 * The top-level node of each document, kept by URI: VS Code refreshes a tree element by
 * identity, so a change can refresh just the documents it touched instead of the whole tree.
 */
export class DocumentNodes<T extends { readonly kind: string; readonly uri: string }> {
  private readonly nodes = new Map<string, T>();

  constructor(
    private readonly live: LiveWorkspace,
    private readonly kind: DocKind,
    private readonly create: (uri: string) => T,
  ) {}

  node(uri: string): T {
    let node = this.nodes.get(uri);
    if (!node) this.nodes.set(uri, (node = this.create(uri)));
    return node;
  }

  /** Fires a refresh for the given documents' nodes, or for the whole tree. */
  refresh(emitter: vscode.EventEmitter<T | undefined>, uris?: readonly string[]): void {
    if (!uris) {
      emitter.fire(undefined);
      return;
    }
    for (const uri of uris) {
      const node = this.nodes.get(uri);
      if (node && this.live.index.get(uri)?.kind === this.kind) emitter.fire(node);
    }
  }
}

import * as vscode from 'vscode';
import { requirementLenses, sectionLenses } from '../../core/language';
import { toRange, toUri } from '../../host/convert';
import type { LiveWorkspace } from '../../host/liveWorkspace';
import { MARKDOWN, toLocation } from './navigation';

/** "covered by 2 sections" above each requirement (peeks them); "covers CHK-1, CHK-2" above covering sections. */
export function registerCodeLens(live: LiveWorkspace): vscode.Disposable {
  const changed = new vscode.EventEmitter<void>();
  return vscode.Disposable.from(
    changed,
    live.onDidChange(() => changed.fire()),
    vscode.languages.registerCodeLensProvider(MARKDOWN, {
      onDidChangeCodeLenses: changed.event,
      async provideCodeLenses(document) {
        const doc = await live.modelFor(document);
        if (!doc) return [];
        const lenses = requirementLenses(live.index, doc).map((lens) => {
          const range = toRange(lens.range);
          return new vscode.CodeLens(range, {
            title: lens.title,
            tooltip: lens.locations.length > 0 ? 'Show the design sections that cover this requirement' : undefined,
            command: lens.locations.length > 0 ? 'editor.action.showReferences' : '',
            arguments: lens.locations.length > 0 ? [toUri(doc.uri), range.start, lens.locations.map(toLocation)] : [],
          });
        });
        for (const lens of sectionLenses(doc)) {
          lenses.push(new vscode.CodeLens(toRange(lens.range), { title: lens.title, command: '' }));
        }
        return lenses;
      },
    }),
  );
}

import * as vscode from 'vscode';
import { toRange } from '../../host/convert';
import type { LiveWorkspace } from '../../host/liveWorkspace';
import { onDidChangeViewSettings, viewSetting } from '../../host/settings';
import { ASSIGN_SECTION_COMMAND, assignSection, type AssignArgs } from './assignSection';

/** Assign Section… from the palette, the editor's context menu, a CodeLens on each heading and the trees. */
export function registerOwners(live: LiveWorkspace): vscode.Disposable {
  const changed = new vscode.EventEmitter<void>();
  return vscode.Disposable.from(
    changed,
    live.onDidChange(() => changed.fire()),
    // The toggle is a view setting: it refreshes the lenses and never re-scans.
    onDidChangeViewSettings((settings) => {
      if (settings.includes('sectionOwnerLens')) changed.fire();
    }),
    vscode.commands.registerCommand(ASSIGN_SECTION_COMMAND, (args?: AssignArgs) => assignSection(live, args ?? {})),
    vscode.languages.registerCodeLensProvider(
      { language: 'markdown' },
      {
        onDidChangeCodeLenses: changed.event,
        async provideCodeLenses(document) {
          if (!viewSetting('sectionOwnerLens')) return [];
          const doc = await live.modelFor(document);
          if (!doc) return [];
          return doc.sections.map(
            (section, sectionIndex) =>
              new vscode.CodeLens(toRange(section.range), {
                title: section.owners.length > 0 ? `$(person) ${section.owners.join(', ')}` : '$(person-add) assign',
                tooltip: 'Assign this section (writes its owner comment)',
                command: ASSIGN_SECTION_COMMAND,
                arguments: [{ uri: doc.uri, sectionIndex } satisfies AssignArgs],
              }),
          );
        },
      },
    ),
  );
}

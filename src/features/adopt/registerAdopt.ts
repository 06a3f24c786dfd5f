import * as vscode from 'vscode';
import type { IdentityService } from '../../host/identity';
import type { LiveWorkspace } from '../../host/liveWorkspace';
import { makeDocument } from './makeDocument';
import { MAKE_PRFAQ_COMMAND, NUMBER_COMMAND, numberCommitmentsCommand, type NumberArgs } from './numberCommand';
import { registerStructureFixes } from './structureFixes';

export const MAKE_DESIGN_COMMAND = 'prfaqTrace.makeDesignDoc';

/** Bringing existing documents in: Make This a PR/FAQ / a Design Doc, Number Commitments, and the structure lint's quick fixes. */
export function registerAdopt(live: LiveWorkspace, identity: IdentityService): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(NUMBER_COMMAND, (args?: NumberArgs | vscode.Uri) =>
      numberCommitmentsCommand(live, args instanceof vscode.Uri ? { uri: args.toString() } : (args ?? {})),
    ),
    vscode.commands.registerCommand(MAKE_PRFAQ_COMMAND, (arg?: unknown) => makeDocument(live, identity, 'prfaq', arg)),
    vscode.commands.registerCommand(MAKE_DESIGN_COMMAND, (arg?: unknown) => makeDocument(live, identity, 'design', arg)),
    registerStructureFixes(live),
  );
}

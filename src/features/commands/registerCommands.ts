import * as vscode from 'vscode';
import type { LiveWorkspace } from '../../host/liveWorkspace';
import { registerCoverageReport } from './coverageReport';
import { newDesignDoc } from './newDesignDoc';
import { newPrfaq, type NewPrfaqArgs } from './newPrfaq';

/** The palette commands of the "PR/FAQ" category. */
export function registerCommands(live: LiveWorkspace): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('prfaqTrace.newPrfaq', (args?: NewPrfaqArgs) => newPrfaq(live, args)),
    vscode.commands.registerCommand('prfaqTrace.newDesignDoc', (arg?: unknown) => newDesignDoc(live, arg)),
    vscode.commands.registerCommand('prfaqTrace.refresh', async () => {
      await live.rescan();
      return 'ok';
    }),
    registerCoverageReport(live),
  );
}

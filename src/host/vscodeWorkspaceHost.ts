import * as vscode from 'vscode';
import { isCandidate, type Config, type WorkspaceFile, type WorkspaceHost } from '../core/api';

/** Path of a file relative to its workspace folder (what the configured globs match), or undefined outside all folders. */
export function workspaceRelativePath(uri: vscode.Uri): string | undefined {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder) return undefined;
  const base = folder.uri.path.endsWith('/') ? folder.uri.path : `${folder.uri.path}/`;
  return uri.path.startsWith(base) ? uri.path.slice(base.length) : undefined;
}

function globSet(globs: readonly string[]): string {
  return globs.length === 1 ? (globs[0] as string) : `{${globs.join(',')}}`;
}

/** Every workspace folder through vscode.workspace.fs: works for local, remote and virtual workspaces. */
export function createVscodeWorkspaceHost(): WorkspaceHost {
  return {
    async listFiles(config: Config): Promise<WorkspaceFile[]> {
      const files: WorkspaceFile[] = [];
      const seen = new Set<string>();
      const include = [...config.include, ...config.prfaqGlobs, ...config.designGlobs, ...config.sourceGlobs];
      for (const folder of vscode.workspace.workspaceFolders ?? []) {
        const found = await vscode.workspace.findFiles(
          new vscode.RelativePattern(folder, globSet(include)),
          config.exclude.length > 0 ? new vscode.RelativePattern(folder, globSet(config.exclude)) : undefined,
        );
        for (const uri of found) {
          const path = workspaceRelativePath(uri);
          const key = uri.toString();
          if (path === undefined || seen.has(key)) continue;
          seen.add(key);
          if (isCandidate(path, config)) files.push({ uri: key, path });
        }
      }
      return files.sort((a, b) => (a.uri < b.uri ? -1 : 1));
    },
    async readFile(uri: string): Promise<Uint8Array> {
      return vscode.workspace.fs.readFile(vscode.Uri.parse(uri));
    },
  };
}

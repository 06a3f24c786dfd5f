import * as vscode from 'vscode';
import type { Finding, Position, Range, Severity } from '../core/api';

/** The one place where core types become vscode types and back. */

export function toPosition(position: Position): vscode.Position {
  return new vscode.Position(position.line, position.character);
}

export function toRange(range: Range): vscode.Range {
  return new vscode.Range(toPosition(range.start), toPosition(range.end));
}

export function fromPosition(position: vscode.Position): Position {
  return { line: position.line, character: position.character };
}

export function toUri(uri: string): vscode.Uri {
  return vscode.Uri.parse(uri);
}

const severities: Readonly<Record<Severity, vscode.DiagnosticSeverity>> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export const DIAGNOSTIC_SOURCE = 'prfaq-trace';

export function toDiagnostic(finding: Finding): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(finding.range), finding.message, severities[finding.severity]);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = finding.code;
  return diagnostic;
}

/** A location to open: the document at a range (used by tree nodes, links, commands). */
export function openCommand(uri: string, range: Range, title = 'Open'): vscode.Command {
  return {
    command: 'vscode.open',
    title,
    arguments: [toUri(uri), { selection: toRange({ start: range.start, end: range.start }), preserveFocus: false } satisfies vscode.TextDocumentShowOptions],
  };
}

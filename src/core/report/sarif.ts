import { findingRules } from '../findings';
import type { Severity } from '../model';
import { neutralisedJson, neutraliseText } from '../text/neutralise';
import type { Report } from './report';

const levels: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * SARIF 2.1.0 with one rule per finding code; artifact URIs relative to the scanned root (%SRCROOT%).
 * Message texts are neutralised (viewers print them to terminals and logs), and the JSON is
 * written so that printing the file itself is safe (see text/neutralise.ts).
 */
export function renderSarif(report: Report, rootUri: string, version: string): string {
  const rules = findingRules.map((rule) => ({
    id: rule.code,
    name: rule.code.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase()),
    shortDescription: { text: rule.description },
    defaultConfiguration: { level: levels[rule.defaultSeverity] },
    helpUri: 'https://github.com/prfaq-trace/prfaq-trace/blob/main/docs/format.md#findings',
  }));
  const ruleIndex = new Map<string, number>(rules.map((rule, i) => [rule.id, i]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'prfaq-trace', version, informationUri: 'https://github.com/prfaq-trace/prfaq-trace', rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: rootUri.endsWith('/') ? rootUri : `${rootUri}/` } },
        results: report.findings.map((f) => ({
          ruleId: f.code,
          ruleIndex: ruleIndex.get(f.code) ?? 0,
          level: levels[f.severity],
          message: { text: neutraliseText(f.message) },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: f.path.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' },
                region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
              },
            },
          ],
        })),
      },
    ],
  };
  return neutralisedJson(sarif);
}

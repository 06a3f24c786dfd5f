// OpenFastTrace levels in the editor, on a copy of the `oft` fixture (test/fixtures/oft): plain OFT
// documents (feat → req → dsn), OFT tags in TypeScript sources and tests (sourceGlobs).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CoverageNode } from '../../../src/features/tree/coverageTree';
import type { DesignNode } from '../../../src/features/tree/designTree';
import { api, closeAllEditors, diagnosticWithCode, eventually, file, removeIfExists, whenIdle } from './util';

const requirements = () => file('doc/requirements/requirements.md');
const designDoc = () => file('doc/design/design.md');
const exporter = () => file('src/jsonExporter.ts');

function label(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

function icon(item: vscode.TreeItem): string {
  return item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : '';
}

async function positionOf(uri: vscode.Uri, needle: string): Promise<vscode.Position> {
  const document = await vscode.workspace.openTextDocument(uri);
  const at = document.getText().indexOf(needle);
  assert.ok(at >= 0, `${needle} in ${uri.path}`);
  return document.positionAt(at + 1);
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
}

suite('OpenFastTrace levels and source tags', () => {
  teardown(closeAllEditors);

  test('the Coverage tree goes down the levels: a req, the dsn item covering it, then the tags in the sources as covering nodes', async () => {
    const { trees } = await api();
    const provider = trees.coverage;
    const roots = provider.getChildren();
    const spec = roots.find((n) => label(provider.getTreeItem(n)) === 'Trace Exporter: System Requirements');
    assert.ok(spec, 'the requirements PR/FAQ is a root');
    const req = provider.getChildren(spec).find((n) => n.kind === 'requirement' && n.id === 'req~export-json~1');
    assert.ok(req);
    const reqItem = provider.getTreeItem(req);
    assert.equal(icon(reqItem), 'pass');
    assert.match(String(reqItem.description), /dsn ✔/);

    const [dsn] = provider.getChildren(req).filter((n) => n.kind === 'cover');
    assert.ok(dsn);
    const dsnItem = provider.getTreeItem(dsn);
    assert.equal(label(dsnItem), 'dsn~json-exporter~1 (Trace Exporter: Design › JSON Exporter)');
    assert.equal(dsnItem.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);

    const tags = provider.getChildren(dsn).map((n) => provider.getTreeItem(n));
    assert.deepEqual(tags.map((t) => `${label(t)} [${t.description}] ${icon(t)}`), ['jsonExporter.ts:1 [impl] file-code', 'jsonExporter.test.ts:1 [utest] file-code']);
    const open = tags[0]?.command;
    assert.equal(open?.command, 'vscode.open');
    assert.equal(String((open?.arguments?.[0] as vscode.Uri).path).endsWith('/src/jsonExporter.ts'), true);
    assert.deepEqual(provider.getParent(provider.getChildren(dsn)[0] as CoverageNode), dsn);
  });

  test('the Design Docs tree shows each dsn item with its levels, and what covers it', async () => {
    const { trees } = await api();
    const provider = trees.designs;
    const [doc] = provider.getChildren();
    assert.ok(doc);
    const items: DesignNode[] = [];
    const walk = (node: DesignNode) => {
      for (const child of provider.getChildren(node)) {
        if (child.kind === 'item') items.push(child);
        walk(child);
      }
    };
    walk(doc);
    assert.deepEqual(items.map((n) => provider.getTreeItem(n)).map((i) => `${label(i)}:${icon(i)}:${i.description}`), [
      'dsn~json-exporter~1:pass:JSON Exporter — impl ✔ utest ✔',
      'dsn~html-renderer~1:warning:HTML Renderer — uncovered — impl ✔ utest ✘',
    ]);
    const renderer = provider.getChildren(items[1] as DesignNode).map((n) => provider.getTreeItem(n));
    assert.deepEqual(renderer.map((i) => `${label(i)} [${i.description}]`), ['htmlRenderer.ts:1 [impl]']);
  });

  test('hover on a tag in a source file shows the item it covers and its levels', async function () {
    // The hover command waits for every hover provider, TypeScript's too: its server starts on this first .ts file.
    this.timeout(90_000);
    await api();
    await vscode.window.showTextDocument(exporter());
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', exporter(), await positionOf(exporter(), 'dsn~json-exporter~1'));
    const text = hoverText(hovers);
    assert.match(text, /dsn\\~json\\-exporter\\~1/);
    assert.match(text, /JSON Exporter/);
    assert.match(text, /Design doc/);
    assert.match(text, /needs impl\\, utest\\; covered\\: impl\\, utest/);
  });

  test('go to definition on a tag opens the dsn item it covers', async function () {
    this.timeout(90_000);
    await api();
    const definitions = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>(
      'vscode.executeDefinitionProvider',
      exporter(),
      await positionOf(exporter(), 'dsn~json-exporter~1'),
    );
    const ours = definitions.map((d) => ('targetUri' in d ? { uri: d.targetUri, range: d.targetRange } : d)).filter((d) => d.uri.toString() === designDoc().toString());
    assert.equal(ours.length, 1);
    assert.equal(ours[0]?.range.start.line, 5);
  });

  test('an uncovered dsn item with "Needs: impl" is flagged, and a tag written into a source file covers it', async () => {
    const extra = file('doc/design/cache.md');
    const tagged = file('src/cache.ts');
    try {
      await vscode.workspace.fs.writeFile(extra, new TextEncoder().encode('# Cache\n\n## Cache\n`dsn~cache~1`\n\nThe exporter caches the linked items.\n\nCovers:\n- req~export-json~1\n\nNeeds: impl\n'));
      const flagged = await diagnosticWithCode(extra, 'uncovered-requirement');
      assert.match(flagged.message, /^dsn~cache~1 needs impl; covered: none/);
      assert.equal(flagged.range.start.line, 3);
      assert.equal(flagged.severity, vscode.DiagnosticSeverity.Warning);

      await vscode.workspace.fs.writeFile(tagged, new TextEncoder().encode('// [impl->dsn~cache~1]\nexport const cache = new Map<string, string>();\n'));
      await eventually(async () => {
        await whenIdle();
        const left = vscode.languages.getDiagnostics(extra).filter((d) => d.source === 'prfaq-trace' && d.code === 'uncovered-requirement');
        assert.deepEqual(left, []);
      });
    } finally {
      await removeIfExists(tagged);
      await removeIfExists(extra);
    }
  });

  test('a tag naming an unknown item gets a finding in the source file', async () => {
    const stray = file('src/stray.ts');
    try {
      await vscode.workspace.fs.writeFile(stray, new TextEncoder().encode('// [impl->dsn~no-such-item~1]\nexport {};\n'));
      const finding = await diagnosticWithCode(stray, 'unknown-requirement');
      assert.match(finding.message, /dsn~no-such-item~1 is not a requirement of any PR\/FAQ or design doc/);
      assert.equal(finding.range.start.character, 10);
    } finally {
      await removeIfExists(stray);
    }
  });

  test('the requirements file\'s lenses say each item\'s levels', async () => {
    await api();
    await vscode.window.showTextDocument(requirements());
    await eventually(async () => {
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', requirements());
      const titles = lenses.map((l) => l.command?.title ?? '').filter((t) => t.includes('✔') || t.includes('✘'));
      assert.deepEqual(titles, ['dsn ✔ · covered by 1 item', 'dsn ✔ · covered by 1 item']);
    });
  });
});

import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createIdMatcher,
  createInProcessParser,
  defaultConfig,
  indexWorkspace,
  WorkspaceIndex,
  type DocumentParser,
} from '../../../src/core/api';
import * as language from '../../../src/core/language';
import { memoryHost } from '../helpers';
import { FILES, mustGet, positionOf, SERVICE, CHECKOUT } from './support';

describe('language: providers answer from the index', () => {
  it('never parses: hover, navigation, rename, completion, lenses, links, symbols and fixes', async () => {
    const inner = createInProcessParser(defaultConfig);
    let parsed = 0;
    const counting: DocumentParser = {
      parse: (inputs) => {
        parsed += inputs.length;
        return inner.parse(inputs);
      },
    };
    const index = new WorkspaceIndex();
    await indexWorkspace(memoryHost(FILES), defaultConfig, counting, index);
    assert.equal(parsed, 4);
    parsed = 0;
    let changes = 0;
    index.onDidChange(() => changes++);

    const service = mustGet(index, 'design/service.md');
    const prfaq = mustGet(index, 'prfaq/checkout.md');
    const at = positionOf(SERVICE, 'CHK-1');
    const textOf = (uri: string) => (uri === service.uri ? SERVICE : uri === prfaq.uri ? CHECKOUT : undefined);
    assert.ok(language.hoverFor(index, service, at));
    assert.equal(language.definitionsFor(index, service, at).length, 1);
    assert.equal(language.referencesFor(index, service, at, true).length, 4);
    assert.ok(!('error' in language.prepareRename(index, service, at)));
    assert.ok(!('error' in language.renameEdits(index, 'CHK-1', 'CHK-9', createIdMatcher(), { textOf })));
    const line = 'Covers: CHK-1, CHK-2';
    assert.ok(language.completionsFor(index, service, { line: 13, character: line.length }, line, SERVICE)?.length);
    assert.equal(language.requirementLenses(index, prfaq).length, 6);
    assert.equal(language.sectionLenses(service).length, 2);
    assert.equal(language.documentLinks(index, service).length, 3);
    assert.ok(language.workspaceSymbols(index, 'chk').length > 0);
    assert.ok(language.documentSymbols(prfaq, CHECKOUT).length > 0);
    for (const finding of index.allFindings()) language.quickFixesFor(index, finding, textOf);
    language.mentionActions(index, service, positionOf(SERVICE, 'CHK-6'), SERVICE);

    assert.equal(parsed, 0, 'a provider parsed a document');
    assert.equal(changes, 0, 'a provider changed the index');
  });

  it('imports nothing that parses or scans (src/core/language only reads models and the index)', () => {
    const dir = join(__dirname, '../../../src/core/language');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const source = readFileSync(join(dir, file), 'utf8');
      const imports = [...source.matchAll(/from '([^']+)'/g)].map((m) => m[1] ?? '');
      for (const path of imports) {
        assert.ok(!/\/(parse|scan)\//.test(path) && !path.endsWith('/api'), `${file} imports ${path}`);
      }
    }
  });
});

import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findReviewedText } from '../../src/core/api';
import { createGitHistory, GitUnavailableError } from '../../src/node/gitHistory';
import { fileUri } from '../../src/node/fsHost';
import { mustParse } from './helpers';

const prfaq = (hours: string) => `---\ntype: prfaq\ntitle: Checkout\n---\n# Checkout\n\n- CHK-1 Refunds reach the card within ${hours}.\n- CHK-2 Cancel for free.\n`;

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], { cwd, stdio: 'pipe' });
}

describe('git file history (src/node/gitHistory.ts)', function () {
  this.timeout(30_000);
  let repo: string;

  before(() => {
    repo = mkdtempSync(join(tmpdir(), 'prfaq-history-'));
    git(repo, 'init', '-q');
    mkdirSync(join(repo, 'docs'));
    writeFileSync(join(repo, 'docs', 'old-name.md'), prfaq('24 hours'));
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'v1');
    writeFileSync(join(repo, 'docs', 'old-name.md'), prfaq('12 hours'));
    git(repo, 'commit', '-q', '-am', 'v2');
    renameSync(join(repo, 'docs', 'old-name.md'), join(repo, 'docs', 'checkout.md'));
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'rename');
    writeFileSync(join(repo, 'docs', 'checkout.md'), prfaq('1 hour'));
    git(repo, 'commit', '-q', '-am', 'v3');
    writeFileSync(join(repo, 'docs', 'checkout.md'), prfaq('30 minutes (uncommitted)'));
  });

  after(() => rmSync(repo, { recursive: true, force: true }));

  it('lists committed versions newest first, across a rename', async () => {
    const texts: string[] = [];
    for await (const version of createGitHistory().versions(fileUri(join(repo, 'docs', 'checkout.md')), 10)) {
      assert.match(version.commit, /^[0-9a-f]{40}$/);
      assert.match(version.date, /^\d{4}-\d\d-\d\dT/);
      texts.push(/within ([^.]+)\./.exec(version.text)?.[1] ?? '');
    }
    assert.deepEqual(texts, ['1 hour', '12 hours', '12 hours', '24 hours']);
  });

  it('finds the text a stamp reviewed by its fingerprint', async () => {
    const fingerprint = mustParse(prfaq('24 hours'), 'checkout.md').requirements[0]?.fingerprint as string;
    const found = await findReviewedText(createGitHistory(), fileUri(join(repo, 'docs', 'checkout.md')), 'CHK-1', fingerprint, (text) => mustParse(text, 'checkout.md'));
    assert.equal(found?.source, '- CHK-1 Refunds reach the card within 24 hours.');
  });

  it('says so when the file is not in a git repository', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'prfaq-nogit-'));
    writeFileSync(join(outside, 'a.md'), prfaq('1 hour'));
    try {
      await assert.rejects(async () => {
        for await (const _version of createGitHistory().versions(fileUri(join(outside, 'a.md')), 10)) assert.fail('no versions outside a repository');
      }, (error: unknown) => error instanceof GitUnavailableError && /not in a git repository/.test((error as Error).message));
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});

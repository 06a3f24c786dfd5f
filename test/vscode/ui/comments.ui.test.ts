// A person comments on a line of a design doc from the editor's comment gutter; the thread widget shows
// the comment and the file holds it (a screenshot of the widget lands in SCREENSHOT_DIR).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UI_DIR, openViewContainer, runCommand, openWorkbench, screenshot, treeItem, type Workbench } from './workbench';

suite('inline comments from the gutter', () => {
  let wb: Workbench;

  suiteSetup(async () => {
    wb = await openWorkbench('test/fixtures/workspaces/collab');
  });

  suiteTeardown(async () => {
    await wb?.close();
  });

  test('adding a comment through the gutter writes a thread into the file and shows the thread widget', async () => {
    const { page } = wb;
    await openViewContainer(page, 'Explorer');
    await treeItem(page, 'design').click();
    await treeItem(page, 'service.md').click();
    const editor = page.locator('.editor-instance .monaco-editor').first();
    await editor.waitFor({ state: 'visible' });
    // Hover the line "The order service places the order…" and click the "+" the comment gutter offers.
    const line = editor.locator('.view-line', { hasText: 'The order service places the order' });
    await line.waitFor({ state: 'visible' });
    const box = await line.boundingBox();
    assert.ok(box);
    await page.mouse.move(box.x + 40, box.y + box.height / 2);
    // Every line of a commenting range carries the glyph decoration; click the one on this line.
    const glyphs = editor.locator('.margin-view-overlays .comment-range-glyph');
    await glyphs.first().waitFor({ state: 'attached', timeout: 15_000 });
    const lane = await glyphs.first().boundingBox();
    assert.ok(lane);
    // CodeLenses (coverage, review, sign-off) arrive asynchronously and push lines down: measure the line
    // again once the editor has settled, right before clicking, or the click lands on the line above.
    await page.waitForTimeout(2000);
    const settled = await line.boundingBox();
    assert.ok(settled);
    box.y = settled.y;
    await page.mouse.move(lane.x + lane.width / 2, box.y + box.height / 2);
    await page.mouse.click(lane.x + lane.width / 2, box.y + box.height / 2);
    const widget = page.locator('.review-widget').first();
    await widget.waitFor({ state: 'visible' });
    await widget.locator('textarea, .monaco-editor textarea').first().focus();
    await page.keyboard.type('Should the capture hold be configurable per market?');
    await widget.locator('.monaco-button', { hasText: /^Comment$/ }).first().click();
    // The stored thread replaces the draft: its widget shows the comment with its author.
    const stored = page.locator('.review-widget', { hasText: 'Should the capture hold be configurable per market?' }).first();
    await stored.waitFor({ state: 'visible' });
    const file = await screenshot(page, 'comment-thread');
    assert.match((await stored.innerText()).replace(/\s+/g, ' '), /@marco/);
    assert.ok(file.endsWith('comment-thread.png'));
    // The thread is in the document: save the buffer and read the file.
    await runCommand(page, 'File: Save All Files');
    const saved = path.join(UI_DIR, 'runs', 'collab', 'workspace', 'collab', 'design', 'service.md');
    let text = '';
    for (let i = 0; i < 50 && !text.includes('prfaq-thread'); i++) {
      await page.waitForTimeout(100);
      text = fs.readFileSync(saved, 'utf8');
    }
    assert.match(text, /holds capture for 30 minutes\.\n<!-- prfaq-thread t-[a-z0-9]{6} open\n@marco at [^\n]+:\n {2}Should the capture hold be configurable per market\?\n-->\n/);
  });
});

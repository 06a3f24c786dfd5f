import { strict as assert } from 'node:assert';
import { hoverFor } from '../../../src/core/language';
import { md, OWNERS } from '../helpers';
import { mustGet, PAYMENTS, positionOf, range, SERVICE, workspace, CHECKOUT } from './support';

describe('language: hover', () => {
  it('shows the requirement, its PR/FAQ and co-owners, status and covering sections as line links', async () => {
    const index = await workspace();
    const service = mustGet(index, 'design/service.md');
    const hover = hoverFor(index, service, positionOf(SERVICE, 'CHK-1, CHK-2', 1, 2));
    assert.deepEqual(hover?.range, range(13, 8, 13));
    assert.equal(
      hover?.markdown,
      [
        '**CHK\\-1** · Buy with one click',
        'A signed\\-in customer places an order with \\*one\\* click\\.',
        '\\- \\*\\*CHK\\-2\\*\\* Cancel within 30 minutes\\.  \n\\- CHK\\-3 Refunds reach the card within 24 hours\\.  \n' +
          '\\- CHK\\-6 Order history marks one\\-click orders\\.  \n\\- CHK\\-8 Gift wrapping\\.',
        'PR/FAQ: [One\\-Click Checkout](file:///ws/prfaq/checkout.md#L14) · PM \\@priya · Eng \\@marco',
        '**Status:** covered by 2 sections',
        '- [Payments › Card charge](file:///ws/design/payments.md#L10)\n- [Checkout Service › Order placement](file:///ws/design/service.md#L11)',
      ].join('\n\n'),
    );
  });

  it('shows uncovered and waived status, and the same hover on a link to the requirement', async () => {
    const index = await workspace();
    const service = mustGet(index, 'design/service.md');
    const prfaq = mustGet(index, 'prfaq/checkout.md');
    assert.equal(
      hoverFor(index, service, positionOf(SERVICE, 'CHK-6'))?.markdown,
      [
        '**CHK\\-6** · Order history marks one\\-click orders\\.',
        'PR/FAQ: [One\\-Click Checkout](file:///ws/prfaq/checkout.md#L20) · PM \\@priya · Eng \\@marco',
        '**Status:** uncovered: no design section declares it in `Covers:`',
      ].join('\n\n'),
    );
    const waived = hoverFor(index, prfaq, positionOf(CHECKOUT, 'CHK-8', 1));
    assert.match(waived?.markdown ?? '', /\*\*Status:\*\* waived: Gift wrapping moves to the holiday PR\\\/FAQ$/);
    const link = hoverFor(index, service, positionOf(SERVICE, 'buying'));
    assert.deepEqual(link?.range, range(23, 8, 63));
    assert.match(link?.markdown ?? '', /^\*\*CHK\\-1\*\* · Buy with one click/);
  });

  it('says that no PR/FAQ defines an unknown Covers entry, with the nearest IDs; no hover on an undefined mention', async () => {
    const index = await workspace();
    const payments = mustGet(index, 'design/payments.md');
    assert.deepEqual(hoverFor(index, payments, positionOf(PAYMENTS, 'CHK-12')), {
      range: range(11, 15, 21),
      markdown: '**CHK\\-12** · no PR/FAQ in the workspace defines this ID\n\nDid you mean **CHK\\-2**, **CHK\\-1**, **CHK\\-8**?',
    });
    const notes = await workspace({ 'd.md': '---\ntype: design\n---\nEncoded as UTF-8.\n' });
    assert.equal(hoverFor(notes, mustGet(notes, 'd.md'), { line: 3, character: 12 }), undefined);
  });

  it('escapes document text: HTML, links and emphasis in titles, owners and reasons render as text', async () => {
    const index = await workspace({
      'p.md': md`
        ---
        type: prfaq
        title: "[Click](javascript:alert(1))"
        owners:
          pm: "<b>boss</b>"
          engineer: "@eng"
        waived:
          X-1: "<script>x</script>"
        ---
        - X-1 <img src=x onerror=alert(1)>
      `,
      'd.md': `---\ntype: design\ntitle: "**D** <i>"\n${OWNERS}\n---\n## S\n\nCovers: X-1\n`,
    });
    const markdown = hoverFor(index, mustGet(index, 'p.md'), { line: 9, character: 3 })?.markdown ?? '';
    assert.equal(
      markdown,
      [
        '**X\\-1** · \\<img src\\=x onerror\\=alert\\(1\\)\\>',
        'PR/FAQ: [\\[Click\\]\\(javascript\\:alert\\(1\\)\\)](file:///ws/p.md#L10) · PM \\<b\\>boss\\<\\/b\\> · Eng \\@eng',
        '**Status:** covered by 1 section',
        '- [\\*\\*D\\*\\* \\<i\\> › S](file:///ws/d.md#L8)',
      ].join('\n\n'),
    );
    assert.doesNotMatch(markdown.replace(/\\[<>]/g, ''), /[<>]/);
  });
});

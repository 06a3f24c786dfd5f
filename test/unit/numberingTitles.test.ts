import { strict as assert } from 'node:assert';
import { mustParse, prfaq } from './helpers';

/** The titles the numbering reports and the trees show: a requirement's first sentence, not its first source line. */
describe('requirement titles of hard-wrapped list items', () => {
  function titles(body: string): string[] {
    return mustParse(prfaq(body)).requirements.map((r) => r.title);
  }

  it('is the first sentence across soft line breaks', () => {
    assert.deepEqual(
      titles('- PLT-1 A Matplotlib wrapper so that you don\'t have to recreate the “boring”\n  parts of every chart. It ships with three themes.\n'),
      ['A Matplotlib wrapper so that you don\'t have to recreate the “boring” parts of every chart.'],
    );
  });

  it('keeps a closing quote or bracket after the stop, and takes the whole paragraph when it has no stop', () => {
    assert.deepEqual(titles('- **CHK-1** Says "done."\n  Then more.\n- CHK-2 No stop here\n  but a second line\n'), ['Says "done."', 'No stop here but a second line']);
  });

  it('is the first line when the first line is the first sentence, and is cut at 200 characters', () => {
    assert.deepEqual(titles('- CHK-1 Refunds reach the card within 24 hours.\n\n  Details in a second paragraph.\n'), ['Refunds reach the card within 24 hours.']);
    const [long] = titles(`- CHK-1 ${'word '.repeat(100)}\n`);
    assert.equal(long?.length, 200);
    assert.ok(long?.endsWith('…'));
  });

  it('works with CRLF line endings', () => {
    assert.deepEqual(titles('- CHK-1 One sentence\r\n  over two lines. Next.\r\n'), ['One sentence over two lines.']);
  });
});

import { describe, expect, it } from 'vitest';
import { createXmlTokenizer, decodeEntities, MAX_TOKEN } from '../../../../lib/extract/xlsx/xml';

type Event = [string, ...unknown[]];

function tokenize(chunks: string[]): Event[] {
  const events: Event[] = [];
  const tokenizer = createXmlTokenizer({
    open: (name, attributes, selfClosing) => events.push(['open', name, attributes, selfClosing]),
    close: (name) => events.push(['close', name]),
    text: (text) => {
      const last = events.at(-1);
      if (last?.[0] === 'text') last[1] = `${last[1] as string}${text}`;
      else events.push(['text', text]);
    },
  });
  for (const chunk of chunks) tokenizer.write(chunk);
  tokenizer.end();
  return events;
}

const XML = '<?xml version="1.0"?><x:row r="3" x:spans="1:2"><!-- note --><c r="A3" t="s"><v>1 &amp; &lt;2&gt; &#36;&#x4E00;</v></c><c r=\'B3\' a="x>y"/><t><![CDATA[<raw>]]></t></x:row>';

describe('XML tokenizer', () => {
  it('reads tags, attributes (prefixes dropped), text, entities, CDATA; skips comments and declarations', () => {
    expect(tokenize([XML])).toEqual([
      ['open', 'row', { r: '3', spans: '1:2' }, false],
      ['open', 'c', { r: 'A3', t: 's' }, false],
      ['open', 'v', {}, false],
      ['text', '1 & <2> $一'],
      ['close', 'v'],
      ['close', 'c'],
      ['open', 'c', { r: 'B3', a: 'x>y' }, true],
      ['close', 'c'],
      ['open', 't', {}, false],
      ['text', '<raw>'],
      ['close', 't'],
      ['close', 'row'],
    ]);
  });

  it('gives the same events whatever the chunk boundaries (tags, entities and CDATA cut anywhere)', () => {
    const whole = tokenize([XML]);
    for (let size = 1; size < 12; size += 1) {
      const chunks: string[] = [];
      for (let i = 0; i < XML.length; i += size) chunks.push(XML.slice(i, i + size));
      expect(tokenize(chunks)).toEqual(whole);
    }
  });

  it('refuses a DTD (no entity expansion, no external entities)', () => {
    expect(() => tokenize(['<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>'])).toThrow(/DTD/);
  });

  it('refuses a tag that never ends instead of buffering it forever', () => {
    const open = `<row a="${'x'.repeat(1024 * 1024)}`;
    expect(() => tokenize(Array.from({ length: MAX_TOKEN / (1024 * 1024) + 2 }, (_, i) => (i === 0 ? open : 'x'.repeat(1024 * 1024))))).toThrow(/MB/);
  });

  it('never writes onto Object.prototype from attribute names', () => {
    tokenize(['<c __proto__="polluted" constructor="x" prototype="y"/>']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('skips to a closing tag without tokenizing what lies between', () => {
    const events: string[] = [];
    const tokenizer = createXmlTokenizer({
      open: (name) => {
        events.push(name);
        if (name === 'sheetData') tokenizer.skipToClose('sheetData');
      },
      close: () => {},
      text: () => {},
    });
    for (const chunk of ['<ws><sheetData><row/><c', '/></x:sheet', 'Data><mergeCells/></ws>']) tokenizer.write(chunk);
    tokenizer.end();
    expect(events).toEqual(['ws', 'sheetData', 'mergeCells']);
  });

  it('leaves unknown entities and invalid code points as written', () => {
    expect(decodeEntities('&nbsp; &#0; &#xD800; &amp;')).toBe('&nbsp; &#0; &#xD800; &');
  });
});

/**
 * A streaming tokenizer for the XML of SpreadsheetML parts: start tags with their attributes,
 * end tags and text, fed in chunks of any size. Names lose their namespace prefix (`x:row` and
 * `row` are the same to a reader). It never expands anything but the five predefined entities
 * and character references, refuses a DTD (no entity bombs, no external entities) and a single
 * token longer than a limit, and never recurses, so no input can make it hang or overflow.
 */
import { xlsxError } from './errors';

export type Attributes = Record<string, string>;

export interface XmlHandler {
  open(name: string, attributes: Attributes, selfClosing: boolean): void;
  close(name: string): void;
  text(text: string): void;
}

export interface XmlTokenizer {
  write(chunk: string): void;
  end(): void;
  /** Drops input up to and including the end tag `</…name>` (a sheet's rows past the row limit). */
  skipToClose(name: string): void;
}

/** One tag, comment or run of text may not grow past this while waiting for its end. */
export const MAX_TOKEN = 4 * 1024 * 1024;

const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#(\d{1,7})|#x([0-9a-fA-F]{1,6}));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, name: string | undefined, dec: string | undefined, hex: string | undefined) => {
    if (name) return NAMED[name]!;
    const code = dec ? Number(dec) : Number.parseInt(hex!, 16);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
  });
}

const localName = (name: string): string => {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
};

const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function parseAttributes(source: string): Attributes {
  const attributes: Attributes = {};
  if (!source.includes('=')) return attributes;
  ATTRIBUTE.lastIndex = 0;
  for (let match = ATTRIBUTE.exec(source); match; match = ATTRIBUTE.exec(source)) {
    const key = localName(match[1]!);
    // `__proto__` and friends stay plain data: the record is only ever read by known keys.
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    attributes[key] = decodeEntities(match[2] ?? match[3] ?? '');
  }
  return attributes;
}

/** Index of the `>` closing a start tag that begins at `from`, skipping quoted values; -1 if not yet in `buf`. */
function tagEnd(buf: string, from: number, resume: { at: number; quote: string }): number {
  let quote = resume.quote;
  for (let i = Math.max(from, resume.at); i < buf.length; i += 1) {
    const ch = buf.charCodeAt(i);
    if (quote) {
      if (ch === quote.charCodeAt(0)) quote = '';
    } else if (ch === 62 /* > */) return i;
    else if (ch === 34 || ch === 39) quote = String.fromCharCode(ch);
  }
  resume.at = buf.length;
  resume.quote = quote;
  return -1;
}

export function createXmlTokenizer(handler: XmlHandler): XmlTokenizer {
  let buf = '';
  let skipping: string | null = null;
  // Where the scan of an unfinished start tag (at the start of `buf`) stopped.
  const resume = { at: 0, quote: '' };

  const tooLong = () => xlsxError('corrupt', `XML 中有超过 ${MAX_TOKEN / 1024 / 1024} MB 的单个标记，工作簿可能已损坏或被构造，未读取`);

  const run = (final: boolean) => {
    let at = 0;
    for (;;) {
      if (skipping !== null) {
        const found = findClose(buf, skipping, at);
        if (found < 0) {
          // Keep only what could be the start of the end tag.
          at = Math.max(at, buf.length - skipping.length - 64);
          break;
        }
        at = found;
        skipping = null;
        continue;
      }
      const lt = buf.indexOf('<', at);
      if (lt < 0) {
        // Text up to the end; hold back a possibly cut entity reference.
        let stop = buf.length;
        if (!final) {
          const amp = buf.lastIndexOf('&');
          if (amp >= at && buf.indexOf(';', amp) < 0) stop = amp;
        }
        if (stop > at) handler.text(decodeEntities(buf.slice(at, stop)));
        at = stop;
        break;
      }
      if (lt > at) handler.text(decodeEntities(buf.slice(at, lt)));
      at = lt;
      const next = buf.charCodeAt(lt + 1);
      if (Number.isNaN(next)) break;
      if (next === 33 /* ! */) {
        if (buf.startsWith('<!--', lt)) {
          const end = buf.indexOf('-->', lt + 4);
          if (end < 0) break;
          at = end + 3;
        } else if (buf.startsWith('<![CDATA[', lt)) {
          const end = buf.indexOf(']]>', lt + 9);
          if (end < 0) break;
          handler.text(buf.slice(lt + 9, end));
          at = end + 3;
        } else if (buf.length - lt < 9 && !final) {
          break;
        } else {
          throw xlsxError('unsupported', '工作簿的 XML 含有文档类型定义（DTD），Excel 不会写出这种内容，出于安全考虑未读取');
        }
        continue;
      }
      if (next === 63 /* ? */) {
        const end = buf.indexOf('?>', lt + 2);
        if (end < 0) break;
        at = end + 2;
        continue;
      }
      if (next === 47 /* / */) {
        const end = buf.indexOf('>', lt + 2);
        if (end < 0) break;
        handler.close(localName(buf.slice(lt + 2, end).trim()));
        at = end + 1;
        continue;
      }
      if (lt !== 0) {
        resume.at = 0;
        resume.quote = '';
      }
      const end = tagEnd(buf, lt + 1, resume);
      if (end < 0) break;
      resume.at = 0;
      resume.quote = '';
      const selfClosing = buf.charCodeAt(end - 1) === 47;
      const body = buf.slice(lt + 1, selfClosing ? end - 1 : end);
      const space = body.search(/[\s]/);
      const name = localName(space < 0 ? body : body.slice(0, space));
      handler.open(name, space < 0 ? {} : parseAttributes(body.slice(space)), selfClosing);
      if (selfClosing) handler.close(name);
      at = end + 1;
    }
    if (at > 0) {
      // The unfinished tag moves to the start of `buf`: its scan position moves with it.
      if (resume.at > 0) resume.at -= at;
      buf = buf.slice(at);
    }
    if (buf.length > MAX_TOKEN) throw tooLong();
  };

  return {
    write(chunk: string) {
      buf = buf ? buf + chunk : chunk;
      run(false);
    },
    end() {
      run(true);
    },
    skipToClose(name: string) {
      skipping = name;
    },
  };
}

/** Index just past `</name>` or `</prefix:name>` at or after `from`, or -1. */
function findClose(buf: string, name: string, from: number): number {
  const needle = `${name}>`;
  for (let at = buf.indexOf(needle, from); at >= 0; at = buf.indexOf(needle, at + 1)) {
    const before = buf.lastIndexOf('<', at);
    if (before >= from && buf.charCodeAt(before + 1) === 47 && /^<\/(?:[\w.-]+:)?$/.test(buf.slice(before, at))) return at + needle.length;
  }
  return -1;
}

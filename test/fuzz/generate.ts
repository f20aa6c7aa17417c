import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { textAt, writePdf } from '../../scripts/fixtures/pdf-writer';

/**
 * A seeded generator of malformed and hostile inputs, HTML and PDF, built from the generated
 * fixtures (test/fixtures) and from scratch. The same seed gives the same inputs, byte for byte,
 * so any failure is reproduced with `FUZZ_SEED=<seed> npm run fuzz`.
 */

export interface FuzzCase {
  /** family/index, e.g. "html-span-bomb/3". */
  name: string;
  family: string;
  ext: 'html' | 'pdf';
  make: () => Uint8Array;
}

/** mulberry32: small, fast, good enough to pick mutations. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: Rand, items: readonly T[]): T => items[Math.floor(r() * items.length)]!;

const FIXTURES = new URL('../fixtures/', import.meta.url).pathname;
const HTML_BASES = ['pages/000-plain.html', 'pages/001-cms.html', 'pages/002-plain.html', 'pages/003-cms.html', 'pages/004-plain.html'];
const PDF_BASES = ['pdf/000-cms.pdf', 'pdf/002-plain.pdf', 'pdf/004-cms.pdf'];
const cache = new Map<string, Uint8Array>();
const base = (path: string): Uint8Array => {
  let bytes = cache.get(path);
  if (!bytes) cache.set(path, (bytes = new Uint8Array(readFileSync(FIXTURES + path))));
  return bytes;
};
const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

const page = (body: string, head = '<meta charset="utf-8"><title>某局2024年部门预算公开</title>') => `<!DOCTYPE html><html><head>${head}</head><body><h1>某局2024年部门预算公开</h1><p>部门收支总表</p><p>单位：万元</p>${body}</body></html>`;
const row = (cells: string[]) => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
const budgetTable = (rows: string[][]) => `<table>${row(['项目', '金额'])}${rows.map(row).join('')}</table>`;

function flipBytes(r: Rand, bytes: Uint8Array, flips: number): Uint8Array {
  const out = bytes.slice();
  for (let i = 0; i < flips; i += 1) out[int(r, 0, out.length - 1)] = int(r, 0, 255);
  return out;
}

/** Cuts, duplicates or deletes a random slice. */
function spliceBytes(r: Rand, bytes: Uint8Array): Uint8Array {
  const at = int(r, 0, bytes.length - 1);
  const len = int(r, 1, Math.min(4096, bytes.length - at));
  const mode = int(r, 0, 2);
  if (mode === 0) return Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + len)]);
  if (mode === 1) return Buffer.concat([bytes.subarray(0, at + len), bytes.subarray(at, at + len), bytes.subarray(at + len)]);
  return Buffer.concat([bytes.subarray(0, at), Buffer.from(Array.from({ length: len }, () => int(r, 0, 255))), bytes.subarray(at + len)]);
}

const HTML_FAMILIES: Record<string, (r: Rand) => Uint8Array> = {
  'html-byte-flips': (r) => flipBytes(r, base(pick(r, HTML_BASES)), int(r, 1, 400)),
  'html-splice': (r) => spliceBytes(r, base(pick(r, HTML_BASES))),
  'html-truncated': (r) => {
    const bytes = base(pick(r, HTML_BASES));
    return bytes.subarray(0, int(r, 0, bytes.length - 1));
  },
  'html-span-bomb': (r) => {
    const rows = int(r, 50, 800);
    const perRow = int(r, 1, 60);
    const cell = `<td rowspan="${pick(r, ['5000', '0', '99999999', '1e9', '-1'])}" colspan="${pick(r, ['200', '1000', '65534', '0', 'abc'])}">1</td>`;
    return utf8(page(`<table>${Array.from({ length: rows }, () => `<tr>${cell.repeat(perRow)}</tr>`).join('')}</table>`));
  },
  'html-nested-tables': (r) => {
    const depth = int(r, 50, 3000);
    return utf8(page(`${'<table><tr><td>'.repeat(depth)}${budgetTable([['合计', '3.00'], ['甲', '1.00'], ['乙', '2.00']])}${'</td></tr></table>'.repeat(int(r, 0, depth))}`));
  },
  'html-deep-divs': (r) => utf8(page(`${'<div><span>'.repeat(int(r, 1000, 50_000))}${budgetTable([['合计', '3.00'], ['甲', '1.00']])}`)),
  'html-huge-cell': (r) => {
    const size = int(r, 100_000, 4_000_000);
    const text = pick(r, ['9', '1,', '合', ' ', '9.', '（']).repeat(Math.ceil(size / 2));
    return utf8(page(budgetTable([['合计', text], ['甲', '1.00'], [text.slice(0, 200_000), '2.00']])));
  },
  'html-huge-numbers': (r) => {
    const digits = () => `${int(r, 1, 9)}${Array.from({ length: int(r, 18, 400) }, () => int(r, 0, 9)).join('')}.${int(r, 10, 99)}`;
    const rows = Array.from({ length: int(r, 2, 30) }, (_, i) => [i === 0 ? '合计' : `项目${i}`, digits()]);
    const text = `<p>本年支出${digits()}万元，比上年增加${digits()}万元，增长${digits()}%，完成年初预算的${digits()}%。</p>`;
    return utf8(page(budgetTable(rows) + text));
  },
  'html-bidi': (r) => {
    const bidi = ['\u202e', '\u202d', '\u2066', '\u2067', '\u2068', '\u2069', '\u200f', '\u061c', '&#x202e;', '&#8238;'];
    const label = () => Array.from({ length: int(r, 1, 8) }, () => pick(r, [...bidi, '甲', '乙', '合计', 'abc', 'שלום', 'مرحبا'])).join('');
    const rows = [['合计', '30.00'], [label(), '10.00'], [label(), '10.00'], [label(), `${label()}5.00`]];
    return utf8(page(budgetTable(rows) + `<p>${label()}支出${label()}30.00万元。</p>`));
  },
  'html-charsets': (r) => {
    const charset = pick(r, ['gbk', 'gb2312', 'gb18030', 'big5', 'utf-16', 'utf-16le', 'shift_jis', 'x-evil', 'utf-7', '', '"><script>']);
    const body = Buffer.from(page(budgetTable([['合计', '3.00'], ['甲', '1.00'], ['乙', '2.00']]), `<meta charset="${charset}"><title>预算</title>`), 'utf8');
    const noise = Buffer.from(Array.from({ length: int(r, 0, 2000) }, () => int(r, 128, 255)));
    const bom = pick(r, [Buffer.alloc(0), Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from([0xff, 0xfe]), Buffer.from([0xfe, 0xff])]);
    return new Uint8Array(Buffer.concat([bom, body.subarray(0, body.length - 20), noise, body.subarray(body.length - 20)]));
  },
  'html-many-tables': (r) => {
    const count = int(r, 500, 3000);
    return utf8(page(Array.from({ length: count }, (_, i) => budgetTable([['合计', `${i}.00`], ['甲', '1.00'], ['乙', '2.00']])).join('<p>续表</p>')));
  },
  'html-long-text': (r) => {
    const sentence = pick(r, ['一般公共预算财政拨款支出1234.56万元，占本年支出合计的45.6%，比上年增加12.34万元，增长1.0%。', '（一）（二）（三）'.repeat(50), '增加（减少）主要原因是。', 'XX局××万元某某']);
    return utf8(page(`<p>${sentence.repeat(int(r, 1_000, 20_000))}</p>`));
  },
  'html-attributes': (r) => {
    const junk = () => pick(r, ['style="display:none"', 'hidden', 'colspan="2147483648"', 'rowspan="+7"', `style="${'a:b;'.repeat(5000)}"`, 'onclick="x()"']);
    const rows = Array.from({ length: int(r, 3, 40) }, (_, i) => `<tr ${junk()}><td ${junk()}>${i ? `项${i}` : '合计'}</td><td ${junk()}>${int(r, 0, 999)}.00</td></tr>`);
    return utf8(page(`<table>${rows.join('')}</table>`));
  },
};

const pdfPage = (content: string, width = 595, height = 842) => writePdf([{ content, width, height }]);

/** A 2 × n table of amounts as a ruled grid, with a total line. */
function pdfTable(r: Rand, amounts: () => string): string {
  let c = '0.5 w\n';
  const rows = int(r, 3, 12);
  for (let i = 0; i <= rows; i += 1) c += `50 ${700 - i * 20} m 450 ${700 - i * 20} l S\n`;
  for (const x of [50, 250, 450]) c += `${x} 700 m ${x} ${700 - rows * 20} l S\n`;
  c += textAt(60, 720, 12, '部门收支总表') + textAt(380, 705, 9, '单位：万元');
  for (let i = 0; i < rows; i += 1) c += textAt(55, 685 - i * 20, 10, i === 0 ? '合计' : `项目${i}`) + textAt(300, 685 - i * 20, 10, amounts());
  return c;
}

const PDF_FAMILIES: Record<string, (r: Rand) => Uint8Array> = {
  'pdf-byte-flips': (r) => flipBytes(r, base(pick(r, PDF_BASES)), int(r, 1, 200)),
  'pdf-splice': (r) => spliceBytes(r, base(pick(r, PDF_BASES))),
  'pdf-truncated': (r) => {
    const bytes = base(pick(r, PDF_BASES));
    return bytes.subarray(0, int(r, 5, bytes.length - 1));
  },
  'pdf-deleted-objects': (r) => {
    const text = Buffer.from(base(pick(r, PDF_BASES))).toString('latin1');
    const objects = [...text.matchAll(/\n(\d+) 0 obj\b/g)].map((m) => m.index!);
    let out = text;
    for (let k = int(r, 1, 5); k > 0 && objects.length; k -= 1) {
      const start = pick(r, objects);
      const end = out.indexOf('endobj', start);
      if (end > start) out = out.slice(0, start) + '\n'.repeat(end + 6 - start) + out.slice(end + 6);
    }
    return new Uint8Array(Buffer.from(out, 'latin1'));
  },
  'pdf-dense-lattice': (r) => {
    const n = int(r, 60, 150);
    const size = 1600;
    const step = (size - 40) / n;
    let c = '0.2 w\n';
    for (let i = 0; i <= n; i += 1) c += `20 ${20 + i * step} m ${20 + n * step} ${20 + i * step} l S\n${20 + i * step} 20 m ${20 + i * step} ${20 + n * step} l S\n`;
    for (let y = 0; y < n; y += int(r, 1, 3)) for (let x = 0; x < n; x += int(r, 1, 3)) c += textAt(21 + x * step, 22 + y * step, 4, String((x * y) % 100));
    return pdfPage(c, size, size);
  },
  'pdf-inflate-bomb': (r) => {
    // A content stream of a few hundred KB that inflates to tens of MB of drawing operators.
    const unit = pick(r, ['0 0 m 1 1 l S\n', '% padding padding padding\n', 'q Q ', '1 0 0 1 0 0 cm ']);
    const megabytes = int(r, 20, 120);
    const inflated = Buffer.alloc(megabytes * 1024 * 1024, unit);
    const stream = deflateSync(inflated, { level: 9 });
    const objects = [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Count 1 /Kids [3 0 R] >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    ];
    const parts: Buffer[] = [Buffer.from('%PDF-1.7\n', 'latin1')];
    const offsets: number[] = [];
    let offset = parts[0]!.length;
    const push = (buf: Buffer) => {
      parts.push(buf);
      offset += buf.length;
    };
    objects.forEach((body, i) => {
      offsets.push(offset);
      push(Buffer.from(`${i + 1} 0 obj\n${body}\nendobj\n`, 'latin1'));
    });
    offsets.push(offset);
    push(Buffer.concat([Buffer.from(`4 0 obj\n<< /Filter /FlateDecode /Length ${stream.length} >>\nstream\n`, 'latin1'), stream, Buffer.from('\nendstream\nendobj\n', 'latin1')]));
    const xref = `xref\n0 5\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
    push(Buffer.from(`${xref}trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n`, 'latin1'));
    return new Uint8Array(Buffer.concat(parts));
  },
  'pdf-huge-numbers': (r) => pdfPage(pdfTable(r, () => `${int(r, 1, 9)}${'0'.repeat(int(r, 20, 120))}.${int(r, 10, 99)}`)),
  'pdf-bidi': (r) => pdfPage(pdfTable(r, () => `${pick(r, ['\u202e', '\u2066', '\u200f', ''])}${int(r, 1, 999)}.${int(r, 10, 99)}${pick(r, ['\u202c', '\u2069', ''])}`)),
  'pdf-many-pages': (r) => writePdf(Array.from({ length: int(r, 50, 400) }, (_, i) => ({ content: i % 3 ? textAt(50, 700, 12, `第${i}页`) : pdfTable(r, () => `${int(r, 1, 99)}.00`) }))),
  'pdf-garbage': (r) => new Uint8Array(Buffer.concat([Buffer.from('%PDF-1.7\n', 'latin1'), Buffer.from(Array.from({ length: int(r, 0, 200_000) }, () => int(r, 0, 255)))])),
};

/** The whole set for a seed: every family, `perFamily` inputs each, in a stable order. */
export function generateCases(seed: number, perFamily: number): FuzzCase[] {
  const cases: FuzzCase[] = [];
  const families = [...Object.entries(HTML_FAMILIES).map(([f, make]) => [f, make, 'html'] as const), ...Object.entries(PDF_FAMILIES).map(([f, make]) => [f, make, 'pdf'] as const)];
  families.forEach(([family, make, ext], f) => {
    for (let i = 0; i < perFamily; i += 1) {
      const caseSeed = (seed * 1_000_003 + f * 10_007 + i) >>> 0;
      cases.push({ name: `${family}/${i}`, family, ext, make: () => make(rng(caseSeed)) });
    }
  });
  return cases;
}

/** A bounded sample: `count` inputs spread over the families (at least one from each where it fits). */
export function sampleCases(all: readonly FuzzCase[], count: number, seed: number): FuzzCase[] {
  const byFamily = new Map<string, FuzzCase[]>();
  for (const c of all) (byFamily.get(c.family) ?? byFamily.set(c.family, []).get(c.family)!).push(c);
  const r = rng(seed ^ 0x9e3779b9);
  const out: FuzzCase[] = [];
  const families = [...byFamily.values()];
  for (let round = 0; out.length < count && round < all.length; round += 1) {
    for (const list of families) {
      if (out.length >= count) break;
      const left = list.filter((c) => !out.includes(c));
      if (left.length) out.push(pick(r, left));
    }
  }
  return out;
}

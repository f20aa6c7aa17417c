import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandGrid } from '../../../../lib/engine/table/grid';
import { normalizeText } from '../../../../lib/engine/amount/normalize';
import type { SourceTable } from '../../../../lib/engine/source';
import { codedTable, procurementTable, summaryTable } from '../../../../scripts/fixtures/break-tables';
import { packedTablesPdf, widthsFor, wrap, type PageBreaks, type SpecCell, type TableSpec } from '../../../../scripts/fixtures/paged-table';
import { loadSeeds } from '../../../../scripts/fixtures/seeds';
import type { RawTable } from '../../../../scripts/fixtures/parse-seed';
import { extractBytes } from '../../../support/extract-pdf';

/**
 * Metamorphic page breaks: a table printed whole and the same table broken at every possible
 * row — plainly, with the header repeated (WPS), under a repeated title and header (Excel print
 * titles), without the rule above the continued rows (Word 2007), with a row cut inside its label,
 * with the continuation page shifted sideways — must read to the same grid, cell for cell, with
 * one sure seam per break. The variants are packed into a few PDFs (one document per variant
 * would cost pdf.js more than all their pages).
 */

interface Variant {
  name: string;
  spec: TableSpec;
  breaks: PageBreaks;
}

const MODES: Record<string, (at: number) => PageBreaks> = {
  plain: (at) => ({ at: [at] }),
  'repeated header': (at) => ({ at: [at], repeatHeader: true }),
  'repeated title and header': (at) => ({ at: [at], repeatTitle: true }),
  'no top rule': (at) => ({ at: [at], openTop: true }),
  'shifted, no top rule': (at) => ({ at: [at], shift: 18, openTop: true }),
};

const wraps = (spec: TableSpec, row: number) => spec.rows[row]!.some((cell, c) => wrap(cell.text, (spec.widths[c] ?? 60) * (cell.colSpan ?? 1) - 6).length > 1);

function variantsOf(name: string, spec: TableSpec, modes: string[], positions?: number[]): Variant[] {
  const out: Variant[] = [];
  const breaks = positions ?? Array.from({ length: spec.rows.length - spec.header }, (_, i) => spec.header + i);
  for (const at of breaks) {
    for (const mode of modes) out.push({ name: `${name} ${mode} @${at}`, spec, breaks: MODES[mode]!(at) });
    // A row cut inside a wrapped label, the amounts with the first part or with the second.
    if (at > spec.header && wraps(spec, at - 1)) {
      out.push({ name: `${name} cut label @${at}`, spec, breaks: { at: [at], split: 1 } });
      out.push({ name: `${name} cut label, amounts below @${at}`, spec, breaks: { at: [at], split: 1, amountsBelow: true, openTop: true } });
    }
  }
  return out;
}

function texts(table: SourceTable): string[][] {
  return expandGrid(table.rows).cells.map((row) => row.map((cell) => cell.text));
}

/** The spec's own cells, as a grid reader should give them back. */
function specGrid(spec: TableSpec): string[][] {
  const width = spec.widths.length;
  return spec.rows.map((row) => {
    const out: string[] = [];
    for (const cell of row) for (let k = 0; k < (cell.colSpan ?? 1); k += 1) out.push(normalizeText(cell.text));
    while (out.length < width) out.push('');
    return out.slice(0, width);
  });
}

/** Variants per PDF: well inside the extraction's page limit. */
const PACK = 100;

async function readVariants(variants: Variant[]): Promise<{ variant: Variant; tables: SourceTable[] }[]> {
  const out: { variant: Variant; tables: SourceTable[] }[] = [];
  for (let start = 0; start < variants.length; start += PACK) {
    const chunk = variants.slice(start, start + PACK);
    const { bytes, pages } = packedTablesPdf(chunk.map((v) => ({ spec: v.spec, breaks: v.breaks })));
    const { doc } = await extractBytes(bytes);
    chunk.forEach((variant, i) => {
      const [first, last] = pages[i]!;
      out.push({ variant, tables: doc.tables.filter((t) => (t.page ?? 0) >= first && (t.page ?? 0) <= last) });
    });
  }
  return out;
}

async function expectFaithful(variants: Variant[], expected: (spec: TableSpec) => string[][]): Promise<void> {
  const results = await readVariants(variants);
  const failures: string[] = [];
  for (const { variant, tables } of results) {
    const want = expected(variant.spec);
    if (tables.length !== 1) {
      failures.push(`${variant.name}: ${tables.length} tables`);
      continue;
    }
    const got = texts(tables[0]!);
    if (JSON.stringify(got) !== JSON.stringify(want)) {
      const row = got.findIndex((r, i) => JSON.stringify(r) !== JSON.stringify(want[i]));
      failures.push(`${variant.name}: row ${row} reads ${JSON.stringify(got[row])}, expected ${JSON.stringify(want[row])} (${got.length}/${want.length} rows)`);
      continue;
    }
    const seams = tables[0]!.seams ?? [];
    if (seams.length !== variant.breaks.at.length || seams.some((s) => !s.certain)) failures.push(`${variant.name}: seams ${JSON.stringify(seams)}`);
  }
  expect(failures.slice(0, 20), `${failures.length} of ${variants.length} variants misread`).toEqual([]);
}

const ALL_MODES = Object.keys(MODES);

describe('page breaks at every row of synthetic long tables', () => {
  const tables = { coded: codedTable(22), summary: summaryTable(), procurement: procurementTable() };

  it('reads each unbroken table exactly as printed', async () => {
    const results = await readVariants(Object.entries(tables).map(([name, spec]) => ({ name, spec, breaks: { at: [] } })));
    for (const { variant, tables: read } of results) {
      expect(read, variant.name).toHaveLength(1);
      expect(texts(read[0]!), variant.name).toEqual(specGrid(variant.spec));
      expect(read[0]!.seams, variant.name).toBeUndefined();
    }
  }, 60_000);

  for (const [name, spec] of Object.entries(tables)) {
    it(`${name}: every break position and layout gives the unbroken grid`, async () => {
      const variants = variantsOf(name, spec, ALL_MODES);
      expect(variants.length).toBeGreaterThan(80);
      await expectFaithful(variants, specGrid);
    }, 60_000);
  }

  it('a table over several pages (a break every 7 rows, headers repeated, no top rules)', async () => {
    const spec = codedTable(60);
    const at = [9, 16, 23, 30, 37, 44, 51, 58];
    await expectFaithful(
      [
        { name: 'seven per page', spec, breaks: { at } },
        { name: 'seven per page, repeated header, no top rule', spec, breaks: { at, repeatHeader: true, openTop: true } },
        { name: 'seven per page, Excel titles', spec, breaks: { at, repeatTitle: true } },
      ],
      specGrid,
    );
  }, 60_000);
});

const SEEDS = resolve(__dirname, '../../../../../shared/seeds');
const seedsPresent = existsSync(SEEDS);
if (!seedsPresent) console.warn(`[page-breaks] ${SEEDS} not found: the seed-table page-break variants are skipped (they need ../shared/seeds beside the project).`);

/** Seed tables narrow enough for a page, as printed grids (one cell per tab field). */
function seedSpecs(): { name: string; spec: TableSpec }[] {
  const out: { name: string; spec: TableSpec }[] = [];
  for (const seed of loadSeeds(SEEDS)) {
    const tables = seed.blocks.filter((b): b is RawTable => b.type === 'table' && !b.continued);
    for (const table of tables) {
      const width = Math.max(...table.rows.map((row) => row.length));
      if (width < 2 || width > 10 || table.rows.length < 4) continue;
      const rows: SpecCell[][] = table.rows.map((row) => row.map((text) => ({ text: text.trim() })));
      const header = Math.max(1, rows.findIndex((row) => row.some((cell) => /^-?[\d,]+\.\d+$/.test(cell.text))));
      out.push({ name: `seed ${seed.id} table ${table.index}`, spec: { title: table.title || '表', meta: ['单位：万元'], rows, header, widths: widthsFor(rows, 495) } });
    }
  }
  return out;
}

describe.skipIf(!seedsPresent)('page breaks in the seed tables', () => {
  it('every seed table broken at three rows (plainly, without top rule, with the header repeated; labels cut where they wrap) reads as printed whole', async () => {
    const variants: Variant[] = [];
    const wholes: Variant[] = [];
    for (const { name, spec } of seedSpecs()) {
      const body = spec.rows.length - spec.header;
      const step = Math.max(1, Math.ceil(body / 3));
      const positions = Array.from({ length: Math.ceil(body / step) }, (_, i) => spec.header + i * step).filter((at) => at < spec.rows.length);
      wholes.push({ name, spec, breaks: { at: [] } });
      // One layout per break position, in turn, so that every table meets each of them once.
      positions.forEach((at, i) => variants.push(...variantsOf(name, spec, [['plain', 'no top rule', 'repeated header'][i % 3]!], [at])));
    }
    // The unbroken reading is the reference: seed cells may hold text the grid reads differently (line breaks, stray spaces).
    const reference = new Map<TableSpec, string[][]>();
    for (const { variant, tables } of await readVariants(wholes)) {
      expect(tables, variant.name).toHaveLength(1);
      reference.set(variant.spec, texts(tables[0]!));
    }
    expect(variants.length).toBeGreaterThan(110);
    await expectFaithful(variants, (spec) => reference.get(spec)!);
  }, 60_000);
});

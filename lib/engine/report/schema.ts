import { z } from 'zod';
import { RULE_IDS } from '../checks/catalogue';
import { TABLE_KIND_IDS } from '../document/table-kinds';

/**
 * The report contract, version 1 (docs/architecture.md). Field names are read by other tools:
 * change them only with a new schema version. Optional `anchor` fields are additions that let
 * the presenters map a location back to the page; other tools may ignore them.
 */

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export const CATEGORIES = [
  'sum',
  'unit',
  'yoy',
  'text-vs-table',
  'share',
  'direction',
  'structure',
  'label',
  'wording',
] as const;

export const severitySchema = z.enum(SEVERITIES);
export const categorySchema = z.enum(CATEGORIES);

/** Decimal amounts travel as strings so that no float ever touches money. */
const decimalString = z.string().regex(/^-?\d+(\.\d+)?$/, 'decimal string');

export const cellRefSchema = z.object({
  tableId: z.string(),
  row: z.number().int().nonnegative(),
  col: z.number().int().nonnegative(),
  page: z.number().int().positive().optional(),
  anchor: z.string().optional(),
  /** Short human label of the cell, e.g. "合计 / 基本支出". */
  label: z.string().optional(),
});

export const textRefSchema = z.object({
  text: z.string(),
  page: z.number().int().positive().optional(),
  anchor: z.string().optional(),
  /** Character range inside the anchored text block. */
  start: z.number().int().nonnegative().optional(),
  end: z.number().int().nonnegative().optional(),
});

export const locationSchema = z.union([cellRefSchema, textRefSchema]);

/** Only catalogued rules (lib/engine/checks/catalogue.ts, docs/rules.md) appear in a report. */
export const ruleIdSchema = z.enum(RULE_IDS);

/**
 * A reading a finding rests on: a table read from a page, two pieces joined over a page break,
 * a row or column whose reading is unsure, the row a sentence was bound to. `certain: false`
 * makes the finding a possible misreading (basis 'reading'), never a document error.
 */
export const readingSchema = z.object({
  what: z.string(),
  certain: z.boolean(),
  /** Why the reading is unsure, or how it was made. */
  note: z.string().optional(),
});

/**
 * Another symptom of the same fault (a row sum and a column sum broken by one wrong cell): the
 * finding it would have been, without id, category, readings and basis (those of the finding it is
 * listed under apply).
 */
export const consequenceSchema = z.object({
  rule: ruleIdSchema,
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  expected: decimalString.optional(),
  actual: decimalString.optional(),
  difference: decimalString.optional(),
  tolerance: decimalString.optional(),
  unit: z.string().optional(),
  location: locationSchema,
  related: z.array(locationSchema).optional(),
});

export const findingSchema = z.object({
  id: z.string(),
  rule: ruleIdSchema,
  severity: severitySchema,
  category: categorySchema,
  message: z.string(),
  expected: decimalString.optional(),
  actual: decimalString.optional(),
  difference: decimalString.optional(),
  tolerance: decimalString.optional(),
  unit: z.string().optional(),
  location: locationSchema,
  related: z.array(locationSchema),
  /**
   * 'document': the document is wrong, beyond doubt (for an error). 'reading': the finding rests
   * on a doubtful reading (readings with certain: false), so it is at most a warning worded as a
   * possible misreading (可能为读取问题，请核对原表). Absent in reports made before it existed.
   */
  basis: z.enum(['document', 'reading']).optional(),
  /** What the finding rests on (tables read, seams crossed, bindings made). */
  readings: z.array(readingSchema).optional(),
  /** The other findings the same fault caused, listed under it instead of counted again. */
  consequences: z.array(consequenceSchema).optional(),
});

/** Which disclosure table a table is (lib/engine/document/table-kinds.ts). */
export const tableKindSchema = z.enum(TABLE_KIND_IDS);

export const tableSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  kind: tableKindSchema,
  unit: z.string(),
  /** Where the unit came from: the caption, a header cell, or the document default. */
  unitSource: z.enum(['caption', 'header', 'default', 'none']).optional(),
  page: z.number().int().positive().optional(),
  rows: z.number().int().nonnegative(),
  cols: z.number().int().nonnegative(),
  checksRun: z.number().int().nonnegative().optional(),
  anchor: z.string().optional(),
});

export const notCheckedSchema = z.object({
  what: z.string(),
  reason: z.string(),
  anchor: z.string().optional(),
  /** The rules left unchecked, when a check failed or declined (absent: extraction gaps). */
  rules: z.array(ruleIdSchema).optional(),
});

/** A claim of the text that was checked and holds (shown on request: "show what checked out"). */
export const confirmedSchema = z.object({
  rule: ruleIdSchema,
  message: z.string(),
  location: locationSchema,
});

export const changeSchema = z.object({
  label: z.string(),
  code: z.string().optional(),
  previous: decimalString,
  current: decimalString,
  delta: decimalString,
  percent: decimalString.optional(),
  unit: z.string(),
  basis: z.enum(['stated', 'history', 'table']),
  location: locationSchema.optional(),
  /** The table cell a stated change concerns, when the text's figure could be bound to one. */
  cell: cellRefSchema.optional(),
});

/** Which required tables the document publishes (rulebook §1): present, empty with a note, empty, missing. */
export const completenessSchema = z.object({
  family: z.enum(['budget', 'final']),
  /** One line for the popup: "9 张必需表格：齐全" or what is missing. */
  summary: z.string(),
  tables: z.array(
    z.object({
      kind: tableKindSchema,
      name: z.string(),
      status: z.enum(['present', 'empty-noted', 'empty', 'missing']),
      tableId: z.string().optional(),
      note: z.string().optional(),
      /** The document's 目录 lists this table. */
      listed: z.boolean().optional(),
    }),
  ),
});

export const reportSchema = z.object({
  schema: z.literal('budget-lens/report@1'),
  source: z.string(),
  document: z.object({
    title: z.string(),
    department: z.string().optional(),
    year: z.number().int().optional(),
    kind: z.enum(['budget', 'final', 'unknown']),
    units: z.array(z.string()),
    pages: z.number().int().positive().optional(),
    /** Department (部门) or unit (单位) disclosure, when the title says so. */
    unitLevel: z.enum(['department', 'unit']).optional(),
    completeness: completenessSchema.optional(),
    /** How many tables the document's 目录 lists, when it has one. */
    contentsListed: z.number().int().nonnegative().optional(),
  }),
  tables: z.array(tableSummarySchema),
  stats: z.object({
    checksRun: z.number().int().nonnegative(),
    passed: z.number().int().nonnegative(),
    claims: z.number().int().nonnegative(),
    /** Identities tested between tables (included in checksRun). */
    crossTableChecks: z.number().int().nonnegative().optional(),
    millis: z.object({ extract: z.number().nonnegative(), analyse: z.number().nonnegative() }),
    notChecked: z.array(notCheckedSchema).optional(),
    /** Findings folded into another one as its consequences: the counts above them count faults. */
    consequences: z.number().int().nonnegative().optional(),
  }),
  findings: z.array(findingSchema),
  changes: z.array(changeSchema),
  confirmed: z.array(confirmedSchema).optional(),
});

export type Severity = z.infer<typeof severitySchema>;
export type Category = z.infer<typeof categorySchema>;
export type CellRef = z.infer<typeof cellRefSchema>;
export type TextRef = z.infer<typeof textRefSchema>;
export type Location = z.infer<typeof locationSchema>;
export type Finding = z.infer<typeof findingSchema>;
export type Reading = z.infer<typeof readingSchema>;
export type Consequence = z.infer<typeof consequenceSchema>;
export type TableSummary = z.infer<typeof tableSummarySchema>;
export type NotChecked = z.infer<typeof notCheckedSchema>;
export type Change = z.infer<typeof changeSchema>;
export type Confirmed = z.infer<typeof confirmedSchema>;
export type Report = z.infer<typeof reportSchema>;
export type CompletenessReport = z.infer<typeof completenessSchema>;

export function isCellRef(loc: Location): loc is CellRef {
  return 'tableId' in loc;
}

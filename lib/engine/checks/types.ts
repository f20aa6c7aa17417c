import type { Change, Confirmed, Finding, NotChecked, Reading } from '../report/schema';
import type { TableModel } from '../table/model';
import type { TextBlock } from '../source';
import type { PlacedClaim } from '../narrative/document-claims';
import type { CellFact } from '../narrative/bind';
import type { DocumentIdentity } from '../document/identity';
import type { Completeness, TableShell } from '../document/completeness';
import type { Contents } from '../document/contents';
import type { RuleId } from './catalogue';

/**
 * A finding as a check drafts it. The runner numbers it, takes its category from the rule
 * catalogue, applies the reading caps (basis, severity, caveat) and folds the symptoms of one
 * fault together; a check never sets those itself.
 */
export interface FindingDraft extends Omit<Finding, 'id' | 'category' | 'basis' | 'readings' | 'consequences' | 'rule'> {
  rule: RuleId;
  /**
   * Readings the check made beyond the cells it points at: a binding of a sentence to a row, a
   * column kind guessed. One with `certain: false` caps the finding at a warning worded as a
   * possible misreading (see `doubtful()` in ./evidence).
   */
  readings?: Reading[];
}

/** What a check returns: its findings and how many identities it tested. */
export interface CheckOutcome {
  findings: FindingDraft[];
  checksRun: number;
  passed: number;
  notChecked: NotChecked[];
  /** Text claims that were checked and hold, for readers who want to see those too. */
  confirmed: Confirmed[];
}

/**
 * Everything a check may read, built once per document before any check runs. Checks read it
 * and never change it, except `changes`, where the text's year-over-year statements are collected.
 */
export interface CheckContext {
  /** Every table read, in document order (empty ones included). */
  tables: TableModel[];
  blocks: TextBlock[];
  identity: DocumentIdentity;
  /** Claims read from the text (amounts, shares, changes, completion rates, lists). */
  claims: PlacedClaim[];
  /** Table cells the text may name, for binding claims to rows. */
  facts: CellFact[];
  /** Which required tables there are; null when the document is not held to a full table set. */
  completeness: Completeness | null;
  /** The document's 目录, when it has one and is held to a full set. */
  contents: Contents | null;
  /** Tables announced by a title without a grid (published as "本表无数据"). */
  shells: TableShell[];
  /** Stated year-over-year changes, collected by the text.change check for the report. */
  changes: Change[];
}

interface CheckBase {
  /** Name of the check (its file), shown in timings and in "not checked" entries. */
  name: string;
  /** Every rule the check may emit; the runner rejects a finding of any other rule. */
  rules: readonly RuleId[];
}

/** Runs once per table that has data rows. */
export interface TableCheck extends CheckBase {
  scope: 'table';
  run(table: TableModel, context?: CheckContext): CheckOutcome;
}

/** Runs once per document: cross-table identities, the table set, the text. */
export interface DocumentCheck extends CheckBase {
  scope: 'document';
  run(context: CheckContext): CheckOutcome;
}

export type Check = TableCheck | DocumentCheck;

export function emptyOutcome(): CheckOutcome {
  return { findings: [], checksRun: 0, passed: 0, notChecked: [], confirmed: [] };
}

export function mergeOutcome(into: CheckOutcome, from: CheckOutcome): void {
  into.findings.push(...from.findings);
  into.checksRun += from.checksRun;
  into.passed += from.passed;
  into.notChecked.push(...from.notChecked);
  into.confirmed.push(...from.confirmed);
}

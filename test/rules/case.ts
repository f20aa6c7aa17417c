import { analyse } from '../../lib/engine/analyse';
import { CHECKS } from '../../lib/engine/checks';
import type { RuleId } from '../../lib/engine/checks/catalogue';
import { withEvidence } from '../../lib/engine/checks/evidence';
import { runChecks } from '../../lib/engine/checks/runner';
import type { DocumentIdentity } from '../../lib/engine/document/identity';
import { assessCompleteness, findShells } from '../../lib/engine/document/completeness';
import { findContents } from '../../lib/engine/document/contents';
import { buildFactIndex } from '../../lib/engine/narrative/bind';
import { documentClaims } from '../../lib/engine/narrative/document-claims';
import type { Severity } from '../../lib/engine/report/schema';
import type { SourceDocument, TextBlock } from '../../lib/engine/source';
import type { TableKind } from '../../lib/engine/document/table-kinds';
import type { TableModel } from '../../lib/engine/table/model';
import { contextOf, modelOf } from '../helpers/check';
import { table, tsv } from '../helpers/tables';

/**
 * A rule's failing and passing example, drawn from the seeds or the rulebook. The catalogue test
 * (test/lib/engine/checks/catalogue.test.ts) fails when a catalogued rule has none; rules.test.ts
 * runs them all: the failing input must yield a warning or an error of the rule (possibly folded
 * under another finding as a consequence), the passing one nothing above a rounding note.
 */
export interface RuleCase {
  rule: RuleId;
  /** Where the example comes from: "seed 001-06", "rulebook B-T7-01". */
  source: string;
  fails: CaseInput;
  passes: CaseInput;
}

/** A whole document through analyse(), or tables and text run through every check. */
export type CaseInput = { doc: SourceDocument } | { tables?: TableModel[]; text?: string[]; identity?: DocumentIdentity; tableSet?: 'budget' | 'final' };

let counter = 0;

/** A table model of the given kind from tab-separated text, with a unique id. */
export function model(text: string, kind: TableKind, title: string, unitLine = '单位：万元'): TableModel {
  const id = `t${counter++}`;
  return { ...modelOf(table(tsv(text), { before: [unitLine], anchor: id }), kind, title), id };
}

/** A table model from rows of cells ("基本支出@c3" spans three columns), for layouts TSV cannot show. */
export function gridModel(rows: string[][], kind: TableKind, title: string, before = ['单位：万元']): TableModel {
  const id = `t${counter++}`;
  return { ...modelOf(table(rows, { before, anchor: id }), kind, title), id };
}

/** Text blocks, one paragraph each. */
export function blocks(texts: string[]): TextBlock[] {
  return texts.map((text, i) => ({ anchor: `b${i}`, text, kind: 'paragraph', seq: 100 + i }));
}

/** Every finding (and every consequence folded under one) an input yields, as rule and severity. */
export function findingsOf(input: CaseInput): Array<{ rule: string; severity: Severity }> {
  if ('doc' in input) {
    return analyse(input.doc).findings.flatMap((f) => [{ rule: f.rule, severity: f.severity }, ...(f.consequences ?? []).map((c) => ({ rule: c.rule, severity: c.severity }))]);
  }
  const tables = input.tables ?? [];
  const text = blocks(input.text ?? []);
  // Held to the table set of a budget or final account, as analyse() does for a full disclosure.
  const contents = input.tableSet ? findContents(text, tables) : null;
  const shells = input.tableSet ? findShells(text, tables, contents) : [];
  const completeness = input.tableSet ? assessCompleteness(input.tableSet, tables, text, contents, shells) : null;
  const context = contextOf({ tables, blocks: text, claims: documentClaims(text), facts: buildFactIndex(tables), identity: input.identity ?? { kind: 'unknown' }, completeness, contents, shells });
  const byId = new Map(tables.map((t) => [t.id, t]));
  return runChecks(CHECKS, context).outcome.findings.map((draft) => withEvidence(draft, byId));
}

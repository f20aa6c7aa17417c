import type { SourceDocument, SourceTable } from './source';
import './amount/decimal-config';
import { boundSourceDocument } from './bound-source';
import { finaliseReport } from './report/limits';
import type { Finding, NotChecked, Report, TableSummary } from './report/schema';
import type { Unit } from './amount/units';
import { findCaptionUnit } from './amount/units';
import type { TableModel } from './table/model';
import { buildTableModel, MAX_GRID_CELLS } from './table/model';
import { expandGrid, gridAreaBound } from './table/grid';
import { mergeContinuations } from './table/continuation';
import { liftTitleRows } from './table/title-rows';
import { checkTable } from './checks';
import type { FindingDraft } from './checks/types';
import { describeTable, identifyDocumentKind } from './document/describe';
import { documentClaims } from './narrative/document-claims';
import { checkNarrative } from './checks/narrative';
import { checkYears } from './checks/text-year';
import { checkPlaceholders } from './checks/text-placeholder';
import { checkPercentSigns } from './checks/text-percent-sign';
import { checkCrossTables } from './checks/cross-tables';
import { checkTextAgainstTables } from './checks/text-vs-table';
import { checkRepeatedFigures } from './checks/text-repeated';
import { checkCounts } from './checks/text-counts';
import { tableChanges } from './changes/table-changes';
import { bindStatedChanges, buildFactIndex } from './narrative/bind';
import { emptyOutcome, mergeOutcome } from './checks/types';
import type { Change } from './report/schema';
import { findContents } from './document/contents';
import { assessCompleteness, expectsFullSet, findShells } from './document/completeness';
import { checkDocumentTables } from './checks/document-tables';
import { checkClassificationLabels } from './checks/classification-labels';

export interface AnalyseOptions {
  /** Milliseconds spent extracting, recorded in the report's stats. */
  extractMillis?: number;
  /** What extraction could not read (PDF pages without text, pages past the limit), reported first. */
  notChecked?: NotChecked[];
}

export interface Analysis {
  report: Report;
  tables: TableModel[];
}

/**
 * The whole pure analysis: SourceDocument in, report@1 out. Runs unchanged in the content
 * script, the PDF viewer, Node and Vitest.
 */
export function analyse(doc: SourceDocument, opts: AnalyseOptions = {}): Report {
  return analyseDocument(doc, opts).report;
}

export function analyseDocument(input: SourceDocument, opts: AnalyseOptions = {}): Analysis {
  const started = performance.now();
  const notChecked: NotChecked[] = [];
  // Hostile input is normal input: every text is bounded before any rule reads it.
  const doc = boundSourceDocument(input, notChecked);
  const models: TableModel[] = [];
  // Caption rows inside a table are lifted first: a table that opens with its own title is no continuation.
  for (const source of mergeContinuations(doc.tables.map(liftTitleRows))) {
    const model = modelOf(source, notChecked);
    if (model) models.push(model);
  }
  const defaultUnit = documentUnit(models, doc);
  for (const model of models) {
    if (!model.unit && defaultUnit) {
      model.unit = defaultUnit;
      model.unitSource = 'default';
    }
  }

  const outcome = emptyOutcome();
  outcome.notChecked.push(...(opts.notChecked ?? []), ...notChecked);
  const summaries: TableSummary[] = [];
  for (const model of models) {
    const hasData = model.panels.some((p) => p.rows.length > 0);
    let tableChecks = 0;
    if (hasData) {
      const tableOutcome = checkTable(model);
      mergeOutcome(outcome, tableOutcome);
      tableChecks = tableOutcome.checksRun;
    } else if (model.header.bodyStart >= model.grid.height) {
      outcome.notChecked.push({ what: `${model.title || model.id}`, reason: '表格没有数据行（空表）', anchor: model.anchor });
    }
    summaries.push({
      id: model.id,
      title: model.title,
      kind: model.kind,
      unit: model.unit ?? '未标明',
      unitSource: model.unitSource,
      ...(model.page ? { page: model.page } : {}),
      rows: model.grid.height,
      cols: model.grid.width,
      checksRun: tableChecks,
      anchor: model.anchor,
    });
  }
  const cross = checkCrossTables(models);
  mergeOutcome(outcome, cross);

  const identity = identifyDocumentKind(doc, models);
  const contents = findContents(doc.blocks, models);
  const shells = findShells(doc.blocks, models, contents);
  // Held to the table set (and its 目录) only when the document shows one: a narrative whose tables are another file is not.
  const fullSet = identity.kind !== 'unknown' && expectsFullSet(identity.kind, models, shells);
  const completeness = fullSet ? assessCompleteness(identity.kind as 'budget' | 'final', models, doc.blocks, contents, shells) : null;
  mergeOutcome(outcome, checkDocumentTables(completeness, fullSet ? contents : null, shells, models));
  mergeOutcome(outcome, checkClassificationLabels(models, doc.blocks, identity.year));
  const claims = documentClaims(doc.blocks, outcome.notChecked);
  const changes: Change[] = [];
  mergeOutcome(outcome, checkNarrative(claims, changes));
  const facts = buildFactIndex(models);
  mergeOutcome(outcome, checkTextAgainstTables(claims, facts, identity.kind, doc.blocks));
  mergeOutcome(outcome, checkRepeatedFigures(claims, models));
  mergeOutcome(outcome, checkCounts(doc.blocks, models));
  mergeOutcome(outcome, checkYears(doc.blocks, identity.year, identity.kind));
  mergeOutcome(outcome, checkPlaceholders(doc.blocks));
  mergeOutcome(outcome, checkPercentSigns(doc.blocks));
  bindStatedChanges(changes, facts);
  for (const model of models) changes.push(...tableChanges(model));

  const units = [...new Set(models.map((m) => m.unit).filter((u): u is Unit => Boolean(u)))];
  const report: Report = {
    schema: 'budget-lens/report@1',
    source: doc.source,
    document: {
      title: doc.title,
      ...(identity.department ? { department: identity.department } : {}),
      ...(identity.year ? { year: identity.year } : {}),
      kind: identity.kind,
      units,
      ...(doc.pages ? { pages: doc.pages } : {}),
      ...(identity.unitLevel ? { unitLevel: identity.unitLevel } : {}),
      ...(completeness ? { completeness: { family: completeness.family, summary: completeness.summary, tables: completeness.tables.map(({ anchor: _anchor, ...rest }) => rest) } } : {}),
      ...(contents ? { contentsListed: contents.entries.length } : {}),
    },
    tables: summaries,
    stats: {
      checksRun: outcome.checksRun,
      passed: outcome.passed,
      claims: claims.length,
      crossTableChecks: cross.checksRun,
      millis: { extract: opts.extractMillis ?? 0, analyse: performance.now() - started },
      notChecked: outcome.notChecked,
    },
    findings: numberFindings(dedupe(outcome.findings)),
    changes,
    confirmed: outcome.confirmed,
  };
  return { report: finaliseReport(report), tables: models };
}

function modelOf(source: SourceTable, notChecked: NotChecked[]): TableModel | null {
  // Span bombs are refused before the grid is expanded (10⁸ positions would take gigabytes).
  if (gridAreaBound(source.rows) > MAX_GRID_CELLS) {
    notChecked.push({ what: source.caption || source.before.at(-1) || source.anchor, reason: `表格过大或合并单元格过多（${source.rows.length} 行），未逐格核对`, anchor: source.anchor });
    return null;
  }
  const grid = expandGrid(source.rows);
  const identity = describeTable(source, grid);
  if (grid.width * grid.height > MAX_GRID_CELLS) {
    notChecked.push({
      what: identity.title || identity.id,
      reason: `表格过大（${grid.height} 行 × ${grid.width} 列），未逐格核对`,
      anchor: source.anchor,
    });
    return null;
  }
  return buildTableModel(source, identity, grid);
}

/** The unit most tables state, else one stated in the text ("单位：万元"): tables without a unit line inherit it. */
function documentUnit(models: TableModel[], doc: SourceDocument): Unit | null {
  const counts = new Map<Unit, number>();
  for (const model of models) if (model.unit) counts.set(model.unit, (counts.get(model.unit) ?? 0) + 1);
  let best: Unit | null = null;
  for (const [unit, count] of counts) if (!best || count > counts.get(best)!) best = unit;
  if (best) return best;
  for (const block of doc.blocks) {
    const unit = findCaptionUnit(block.text);
    if (unit) return unit;
  }
  return null;
}

/** The same cell found by two families with the same arithmetic is one finding. */
function dedupe(drafts: FindingDraft[]): FindingDraft[] {
  const seen = new Set<string>();
  const result: FindingDraft[] = [];
  for (const draft of drafts) {
    const loc = draft.location;
    const where = 'tableId' in loc ? `${loc.tableId}:${loc.row}:${loc.col}` : `${loc.anchor}:${loc.start}`;
    const key = `${where}|${draft.expected}|${draft.actual}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(draft);
  }
  return result;
}

function numberFindings(drafts: FindingDraft[]): Finding[] {
  return drafts.map((draft, index) => ({ id: `f${index + 1}`, ...draft }));
}

import type { SourceDocument, SourceTable } from './source';
import './amount/decimal-config';
import { boundSourceDocument } from './bound-source';
import { finaliseReport } from './report/limits';
import type { Change, NotChecked, Report, TableSummary } from './report/schema';
import type { Unit } from './amount/units';
import { findCaptionUnit } from './amount/units';
import type { TableModel } from './table/model';
import { buildTableModel, MAX_GRID_CELLS } from './table/model';
import { expandGrid, gridAreaBound } from './table/grid';
import { mergeContinuations } from './table/continuation';
import { CHECKS } from './checks';
import type { CheckContext } from './checks/types';
import type { CheckTiming } from './checks/runner';
import { runChecks } from './checks/runner';
import { withEvidence } from './checks/evidence';
import { dedupe, foldFaults } from './checks/faults';
import { liftTitleRows } from './table/title-rows';
import { describeTable, identifyDocumentKind } from './document/describe';
import { documentClaims } from './narrative/document-claims';
import { tableChanges } from './changes/table-changes';
import { bindStatedChanges, buildFactIndex } from './narrative/bind';
import { findContents } from './document/contents';
import { assessCompleteness, expectsFullSet, findShells } from './document/completeness';

export interface AnalyseOptions {
  /** Milliseconds spent extracting, recorded in the report's stats. */
  extractMillis?: number;
  /** What extraction could not read (PDF pages without text, pages past the limit), reported first. */
  notChecked?: NotChecked[];
}

export interface Analysis {
  report: Report;
  tables: TableModel[];
  /** Time spent in each check over the whole document (see scripts/bench.ts). */
  timings: CheckTiming[];
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
  // Span bombs are refused before anything expands their grid (10⁸ positions would take gigabytes);
  // caption rows inside a table are lifted next: a table that opens with its own title is no continuation.
  const sized = doc.tables.filter((source) => !refusedAsOversized(source, notChecked));
  for (const source of mergeContinuations(sized.map(liftTitleRows))) {
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

  const notCheckedFirst: NotChecked[] = [...(opts.notChecked ?? []), ...notChecked];
  for (const model of models) {
    const hasData = model.panels.some((p) => p.rows.length > 0);
    if (!hasData && model.header.bodyStart >= model.grid.height) {
      notCheckedFirst.push({ what: `${model.title || model.id}`, reason: '表格没有数据行（空表）', anchor: model.anchor });
    }
  }

  const identity = identifyDocumentKind(doc, models);
  const contents = findContents(doc.blocks, models);
  const shells = findShells(doc.blocks, models, contents);
  // Held to the table set (and its 目录) only when the document shows one: a narrative whose tables are another file is not.
  const fullSet = identity.kind !== 'unknown' && expectsFullSet(identity.kind, models, shells);
  const completeness = fullSet ? assessCompleteness(identity.kind as 'budget' | 'final', models, doc.blocks, contents, shells) : null;
  const claims = documentClaims(doc.blocks, notCheckedFirst);
  const facts = buildFactIndex(models);
  const changes: Change[] = [];
  const context: CheckContext = {
    tables: models,
    blocks: doc.blocks,
    identity,
    claims,
    facts,
    completeness,
    contents: fullSet ? contents : null,
    shells,
    changes,
  };
  const run = runChecks(CHECKS, context);
  const outcome = run.outcome;
  bindStatedChanges(changes, facts);
  for (const model of models) changes.push(...tableChanges(model));

  const summaries: TableSummary[] = models.map((model) => ({
    id: model.id,
    title: model.title,
    kind: model.kind,
    unit: model.unit ?? '未标明',
    unitSource: model.unitSource,
    ...(model.page ? { page: model.page } : {}),
    rows: model.grid.height,
    cols: model.grid.width,
    checksRun: run.checksByTable.get(model.id) ?? 0,
    anchor: model.anchor,
  }));
  const byId = new Map(models.map((model) => [model.id, model]));
  const faults = foldFaults(dedupe(outcome.findings.map((draft) => withEvidence(draft, byId))), byId);
  const crossTableChecks = CHECKS.filter((check) => check.rules.every((rule) => rule.startsWith('cross.'))).reduce((n, check) => n + (run.checksByCheck.get(check.name) ?? 0), 0);

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
      crossTableChecks,
      millis: { extract: opts.extractMillis ?? 0, analyse: performance.now() - started },
      notChecked: [...notCheckedFirst, ...outcome.notChecked],
      ...(faults.folded ? { consequences: faults.folded } : {}),
    },
    findings: faults.findings.map((finding, index) => ({ id: `f${index + 1}`, ...finding })),
    changes,
    confirmed: outcome.confirmed,
  };
  return { report: finaliseReport(report), tables: models, timings: run.timings };
}

function refusedAsOversized(source: SourceTable, notChecked: NotChecked[]): boolean {
  if (gridAreaBound(source.rows) <= MAX_GRID_CELLS) return false;
  notChecked.push({ what: source.caption || source.before.at(-1) || source.anchor, reason: `表格过大或合并单元格过多（${source.rows.length} 行），未逐格核对`, anchor: source.anchor });
  return true;
}

function modelOf(source: SourceTable, notChecked: NotChecked[]): TableModel | null {
  // Halves merged over pages may together pass the bound each passed alone.
  if (refusedAsOversized(source, notChecked)) return null;
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

import { changeSchema, confirmedSchema, findingSchema, isCellRef, notCheckedSchema, reportSchema, type Change, type Confirmed, type Finding, type Location, type NotChecked, type Report } from './schema';

/**
 * The last step of analysis: every part of the report is checked against report@1 on its own, so
 * one finding that cannot be written (an amount no schema accepts) is dropped and named, never
 * the whole report; and the report stays small enough to cross the extension's message and
 * storage limits whatever the page holds.
 */

export const REPORT_LIMITS = {
  findingsPerTable: 100,
  /** Findings located in the text (not in a table), all together. */
  textFindings: 500,
  findings: 2_000,
  changes: 2_000,
  confirmed: 1_000,
  notChecked: 300,
  /** A finding's message quotes page labels; beyond this it is cut. */
  messageChars: 2_000,
  /** Location texts and labels (page-derived). */
  labelChars: 200,
  related: 200,
  titleChars: 300,
} as const;

const cut = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max)}…` : text);

function boundLocation<L extends Location>(location: L): L {
  if (isCellRef(location)) return location.label !== undefined && location.label.length > REPORT_LIMITS.labelChars ? { ...location, label: cut(location.label, REPORT_LIMITS.labelChars) } : location;
  return location.text.length > REPORT_LIMITS.labelChars ? { ...location, text: cut(location.text, REPORT_LIMITS.labelChars) } : location;
}

function boundFinding(finding: Finding): Finding {
  return {
    ...finding,
    message: cut(finding.message, REPORT_LIMITS.messageChars),
    location: boundLocation(finding.location),
    related: finding.related.slice(0, REPORT_LIMITS.related).map(boundLocation),
    // The symptoms folded under a fault, and the readings it rests on, are page-derived too.
    ...(finding.consequences
      ? {
          consequences: finding.consequences.slice(0, REPORT_LIMITS.related).map((c) => ({
            ...c,
            message: cut(c.message, REPORT_LIMITS.messageChars),
            location: boundLocation(c.location),
            ...(c.related ? { related: c.related.slice(0, REPORT_LIMITS.related).map(boundLocation) } : {}),
          })),
        }
      : {}),
    ...(finding.readings ? { readings: finding.readings.slice(0, REPORT_LIMITS.related).map((r) => ({ ...r, what: cut(r.what, REPORT_LIMITS.labelChars), ...(r.note ? { note: cut(r.note, REPORT_LIMITS.labelChars) } : {}) })) } : {}),
  };
}

function tableTitle(report: Report, tableId: string): string {
  return report.tables.find((t) => t.id === tableId)?.title || tableId;
}

/** Keeps the parts that satisfy their schema, naming what was dropped in notChecked. */
export function finaliseReport(report: Report): Report {
  const notChecked: NotChecked[] = [];
  const dropped = new Map<string, number>();

  const findings: Finding[] = [];
  const perTable = new Map<string, number>();
  const overflow = new Map<string, number>();
  let textFindings = 0;
  for (const raw of report.findings) {
    const parsed = findingSchema.safeParse(boundFinding(raw));
    if (!parsed.success) {
      dropped.set(raw.rule, (dropped.get(raw.rule) ?? 0) + 1);
      continue;
    }
    const finding = parsed.data;
    const where = isCellRef(finding.location) ? finding.location.tableId : null;
    const count = where ? (perTable.get(where) ?? 0) : textFindings;
    const cap = where ? REPORT_LIMITS.findingsPerTable : REPORT_LIMITS.textFindings;
    if (count >= cap || findings.length >= REPORT_LIMITS.findings) {
      const key = where ?? '';
      overflow.set(key, (overflow.get(key) ?? 0) + 1);
      continue;
    }
    if (where) perTable.set(where, count + 1);
    else textFindings += 1;
    findings.push(finding);
  }
  for (const [rule, n] of dropped) {
    notChecked.push({ what: `核对规则 ${rule}`, reason: `${n} 项结果中的数字无法写入报告（位数过多或格式异常），已略去` });
  }
  for (const [tableId, n] of overflow) {
    notChecked.push({ what: tableId ? `《${cut(tableTitle(report, tableId), REPORT_LIMITS.titleChars)}》` : '文字部分', reason: `问题过多，另有 ${n} 处未列出` });
  }

  const changes: Change[] = [];
  for (const change of report.changes) {
    if (changes.length >= REPORT_LIMITS.changes) break;
    const parsed = changeSchema.safeParse({ ...change, label: cut(change.label, REPORT_LIMITS.labelChars), ...(change.location ? { location: boundLocation(change.location) } : {}) });
    if (parsed.success) changes.push(parsed.data);
  }
  const confirmed: Confirmed[] = [];
  for (const item of report.confirmed ?? []) {
    if (confirmed.length >= REPORT_LIMITS.confirmed) break;
    const parsed = confirmedSchema.safeParse({ ...item, message: cut(item.message, REPORT_LIMITS.messageChars), location: boundLocation(item.location) });
    if (parsed.success) confirmed.push(parsed.data);
  }
  const earlier = (report.stats.notChecked ?? []).flatMap((n) => {
    const parsed = notCheckedSchema.safeParse({ ...n, what: cut(n.what, REPORT_LIMITS.titleChars), reason: cut(n.reason, REPORT_LIMITS.messageChars) });
    return parsed.success ? [parsed.data] : [];
  });
  const allNotChecked = [...earlier, ...notChecked];

  const meta = report['document'];
  const next: Report = {
    ...report,
    document: { ...meta, title: cut(meta.title, REPORT_LIMITS.titleChars) },
    tables: report.tables.map((t) => (t.title.length > REPORT_LIMITS.titleChars ? { ...t, title: cut(t.title, REPORT_LIMITS.titleChars) } : t)),
    stats: {
      ...report.stats,
      notChecked:
        allNotChecked.length > REPORT_LIMITS.notChecked
          ? [...allNotChecked.slice(0, REPORT_LIMITS.notChecked - 1), { what: '其余部分', reason: `另有 ${allNotChecked.length - REPORT_LIMITS.notChecked + 1} 项未核对，未逐一列出` }]
          : allNotChecked,
    },
    findings,
    changes,
    ...(report.confirmed ? { confirmed } : {}),
  };
  const whole = reportSchema.safeParse(next);
  if (!whole.success) throw new Error(`报告未通过 report@1 校验：${cut(whole.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; '), 300)}`);
  return whole.data;
}

/**
 * A report small enough for one message and storage.session (Chrome allows 10 MB for all tabs
 * together): the confirmed claims and changes go first, then findings from the end. `omitted`
 * says how many findings were left out, so the popup can say so.
 */
export function shrinkReport(report: Report, maxChars: number): { report: Report; omitted: number; shrunk: boolean } {
  const size = (r: Report) => JSON.stringify(r).length;
  if (size(report) <= maxChars) return { report, omitted: 0, shrunk: false };
  let next: Report = { ...report, confirmed: [], changes: [] };
  let findings = next.findings.map((f) => ({ ...f, related: f.related.slice(0, 20) }));
  next = { ...next, findings };
  while (size(next) > maxChars && findings.length > 0) {
    findings = findings.slice(0, Math.floor(findings.length / 2));
    next = { ...next, findings };
  }
  if (size(next) > maxChars) next = { ...next, tables: [], stats: { ...next.stats, notChecked: (next.stats.notChecked ?? []).slice(0, 20) } };
  return { report: next, omitted: report.findings.length - findings.length, shrunk: true };
}

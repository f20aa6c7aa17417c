/**
 * The seed answer key (../shared/docs/seed-answer-key.md) as data: one expectation per key item (or per
 * "verified consistent" claim), each a function from a Report to the problems found (none when the
 * expectation holds). Shared by the HTML acceptance test (every rendering of the seed pages) and
 * the HTML↔PDF parity test (the same pages printed to PDF), so both check exactly the same things.
 */
import type { Finding, Report } from '../../lib/engine/report/schema';
import { categoryOf } from '../../lib/engine/checks/catalogue';

export type Seed = '000' | '001' | '002' | '003' | '004';
export const seeds: Seed[] = ['000', '001', '002', '003', '004'];

export interface KeyExpectation {
  /** The answer-key id ("001-05"), or "<seed>-<what>" for a verified-consistent claim. */
  id: string;
  seed: Seed;
  title: string;
  /** What is wrong with the report against this expectation; empty when it holds. */
  problems(report: Report): string[];
}

export const bySeverity = (r: Report, severity: Finding['severity']): Finding[] => r.findings.filter((f) => f.severity === severity);
export const has = (findings: Finding[], actual: string, expected?: string): boolean =>
  findings.some((f) => f.actual === actual && (expected === undefined || f.expected === expected));
export const inTables = (r: Report): Finding[] => r.findings.filter((f) => 'tableId' in f.location);
export const inText = (r: Report): Finding[] => r.findings.filter((f) => !('tableId' in f.location));
export const isAlarming = (f: Finding): boolean => f.severity === 'error' || (f.severity === 'warning' && f.category !== 'structure');
export const describeFindings = (findings: Finding[]): string =>
  findings.map((f) => `${f.severity} ${f.rule} ${f.actual}/${f.expected}: ${f.message}`).join('\n');

/** A problem when `ok` is false, naming what was looked for and listing the findings it was looked for in. */
const need = (ok: boolean, what: string, among: Finding[]): string[] => (ok ? [] : [`missing ${what}; found:\n${describeFindings(among)}`]);
/** Problems for findings that should not be there. */
const none = (unexpected: Finding[]): string[] => unexpected.map((f) => `unexpected ${f.severity} ${f.rule} ${f.actual}/${f.expected}: ${f.message}`);

/**
 * The report with every fault's consequences listed as findings of their own: the key names
 * symptoms (19.99 ≠ 19.89), which may be reported under the fault that causes them (维修费 0.20 ≠ 0.30).
 */
export function unfold(r: Report): Report {
  return {
    ...r,
    findings: r.findings.flatMap((f) => [f, ...(f.consequences ?? []).map((c, i): Finding => ({ ...c, id: `${f.id}.${i + 1}`, category: categoryOf(c.rule), related: c.related ?? [] }))]),
  };
}

const expectations: KeyExpectation[] = [];
const key = (seed: Seed, id: string, title: string, problems: (r: Report) => string[]): void => {
  expectations.push({ id, seed, title, problems: (r) => problems(unfold(r)) });
};

// Seed 000
key('000', '000-01', 'the 一般公共预算支出表 with no 公用经费 column (元, exact) as errors', (r) => {
  const errors = bySeverity(r, 'error');
  return [
    ...need(has(errors, '2068839.67', '1873991.42'), 'error 2068839.67/1873991.42', errors),
    ...need(has(errors, '1648839.67', '1423687.92'), 'error 1648839.67/1423687.92', errors),
    ...need(has(errors, '225151.75', '645151.75'), 'error 225151.75/645151.75', errors),
  ];
});
key('000', '000-01e', 'the 项目支出 column total against the 支出总表\'s 项目支出 (225151.75 vs 420000), linked to the other table\'s cell', (r) => {
  const errors = bySeverity(r, 'error');
  const cross = errors.find((f) => f.rule === 'cross.columns' && f.actual === '225151.75' && f.expected === '420000');
  return [...need(cross !== undefined, 'cross.columns error 225151.75/420000', errors), ...(cross && cross.related.length !== 1 ? [`225151.75/420000 links ${cross.related.length} cells, not 1`] : [])];
});
key('000', '000-05', 'a 金额 indicator measured in 人次 (住院报销金额) as an error', (r) =>
  need(r.findings.some((f) => f.rule === 'perf.unit' && f.severity === 'error' && f.message.includes('住院报销金额')), 'perf.unit error on 住院报销金额', r.findings),
);
key('000', '000-02', 'rounding 12.71 vs 12.71706 as info', (r) => {
  const info = bySeverity(r, 'info');
  return need(has(info, '12.71', '12.71706'), 'info 12.71/12.71706', info);
});
key('000', '000-consistent', 'nothing alarming outside the 一般公共预算支出表 (structural warnings and 000-05 aside)', (r) =>
  none(
    r.findings.filter(
      (f) => isAlarming(f) && f.rule !== 'perf.unit' && !/一般公共预算支出表/.test(r.tables.find((t) => 'tableId' in f.location && t.id === f.location.tableId)?.title ?? ''),
    ),
  ),
);

// Seed 001
key('001', '001-05', 'error 33.81 vs 23.19', (r) => need(has(bySeverity(r, 'error'), '33.81', '23.19'), 'error 33.81/23.19', bySeverity(r, 'error')));
key('001', '001-06', 'error 19.99 vs 19.89 beyond the rounding allowance 0.07', (r) => {
  const errors = bySeverity(r, 'error');
  const tolerance = errors.find((f) => f.actual === '19.99' && f.expected === '19.89')?.tolerance;
  return [...need(has(errors, '19.99', '19.89'), 'error 19.99/19.89', errors), ...(tolerance === '0.07' ? [] : [`tolerance of 19.99/19.89 is ${tolerance}, not 0.07`])];
});
key('001', '001-08', 'error 117.65 vs 137.64', (r) => need(has(bySeverity(r, 'error'), '117.65', '137.64'), 'error 117.65/137.64', bySeverity(r, 'error')));
key('001', '001-01', 'text error 1641.88 stated where the table has 0', (r) => {
  const errors = inText(r).filter((f) => f.severity === 'error');
  return need(has(errors, '1641.88', '0'), 'text error 1641.88/0', errors);
});
key('001', '001-02', 'text error 0 stated where the table has 1641.88', (r) => {
  const errors = inText(r).filter((f) => f.severity === 'error');
  return need(has(errors, '0', '1641.88'), 'text error 0/1641.88', errors);
});
key('001', '001-03', 'a unit slip in the text as an error', (r) => {
  const errors = inText(r).filter((f) => f.severity === 'error');
  return need(errors.some((f) => f.rule === 'text.unit'), 'text.unit error', errors);
});
key('001', '001-10', 'the same figure twice with digits swapped (1461.88 vs 1641.88) as an error', (r) =>
  need(r.findings.some((f) => f.rule === 'text.repeated' && f.severity === 'error' && f.actual === '1461.88' && f.expected === '1641.88'), 'text.repeated error 1461.88/1641.88', r.findings),
);
key('001', '001-09', 'the malformed code "21 15 01" as a label warning', (r) =>
  need(r.findings.some((f) => f.rule === 'label.code' && f.severity === 'warning' && f.message.includes('21 15 01')), 'label.code warning on 21 15 01', r.findings),
);
key('001', '001-04', 'class 209 vs 210 across tables as errors', (r) => {
  const cross = r.findings.filter((f) => f.rule.startsWith('cross.') && f.severity === 'error');
  return [...need(has(cross, '1641.88', '187.64'), 'cross error 1641.88/187.64', cross), ...need(has(cross, '1454.24', '0'), 'cross error 1454.24/0', cross)];
});
key('001', '001-07', '维修(护)费 0.20 vs 0.30 across tables as an error', (r) => {
  const cross = r.findings.filter((f) => f.rule.startsWith('cross.') && f.severity === 'error');
  return need(has(cross, '0.2', '0.3'), 'cross error 0.2/0.3', cross);
});
key('001', '001-consistent', 'nothing alarming beyond the key items (structural warnings aside)', (r) => {
  const known = new Set(['33.81', '19.99', '117.65', '128.27', '1641.88', '0', '1454.24', '0.2', '1461.88']);
  // text.unit is 001-03, label.code is 001-09 and label.stale-name 001-15 (2018 names in a 2020 budget), all expected.
  const expectedRules = new Set(['text.unit', 'label.code', 'label.stale-name']);
  return none(r.findings.filter((f) => isAlarming(f) && !expectedRules.has(f.rule) && !known.has(f.actual ?? '') && !known.has(f.expected ?? '')));
});
key('001', '001-15', '2018 class names (医疗卫生与计划生育支出) in a 2020 budget as a label warning', (r) =>
  need(r.findings.some((f) => f.rule === 'label.stale-name' && f.severity === 'warning' && f.message.includes('医疗卫生与计划生育支出')), 'label.stale-name warning 医疗卫生与计划生育支出', r.findings),
);

// Seed 002
key('002', '002-10/11', 'rounding in the tables as info (2113.81, 1434.27, 1154.16, 1701.48, 248.05)', (r) => {
  const info = bySeverity(r, 'info');
  const pairs: [string, string][] = [['2113.81', '2113.82'], ['1434.27', '1434.26'], ['1154.16', '1154.17'], ['1701.48', '1701.49'], ['248.05', '248.06']];
  return pairs.flatMap(([actual, expected]) => need(has(info, actual, expected), `info ${actual}/${expected}`, info));
});
key('002', '002-18', '2080505 133.19 (公开03) vs 30108 109.19 (公开06) as a soft cross-table warning', (r) =>
  need(
    r.findings.some((f) => f.rule === 'cross.item-economic' && f.severity === 'warning' && f.actual === '133.19' && f.expected === '109.19' && f.related.length === 1),
    'cross.item-economic warning 133.19/109.19 linked to one cell',
    r.findings,
  ),
);
key('002', '002-tables-consistent', 'nothing above info in the tables (perf.rate is 002-05, cross.item-economic 002-18)', (r) =>
  none(inTables(r).filter((f) => f.severity !== 'info' && f.rule !== 'perf.rate' && f.rule !== 'cross.item-economic')),
);
const text002 = (id: string, title: string, test: (text: Finding[], r: Report) => boolean, what: string): void =>
  key('002', id, title, (r) => need(test(inText(r), r), what, inText(r)));
const textErrors = (text: Finding[]): Finding[] => text.filter((f) => f.severity === 'error');
const textInfo = (text: Finding[]): Finding[] => text.filter((f) => f.severity === 'info');
text002('002-01', 'text error 1104.49 vs 1025.5', (text) => has(textErrors(text), '1104.49', '1025.5'), 'text error 1104.49/1025.5');
text002('002-02', 'text error 246.52 vs 325.52', (text) => has(textErrors(text), '246.52', '325.52'), 'text error 246.52/325.52');
text002('002-03', 'a change in the wrong direction (26.65) as an error', (text) => textErrors(text).some((f) => f.rule === 'text.direction' && f.actual === '26.65'), 'text.direction error 26.65');
text002('002-04', 'shares adding up to 99.87% naming 8.05 as an error', (text) => textErrors(text).some((f) => f.rule === 'text.share-sum' && f.actual === '99.87' && f.message.includes('8.05')), 'text.share-sum error 99.87 (8.05)');
key('002', '002-05', '执行率 100.00 vs 93.48 as an error', (r) =>
  need(r.findings.some((f) => f.rule === 'perf.rate' && f.severity === 'error' && f.actual === '100.00' && f.expected === '93.48'), 'perf.rate error 100.00/93.48', r.findings),
);
text002('002-06', '住房改革支出 named where the table has no such line, as a label warning', (text) => text.some((f) => f.severity === 'warning' && f.category === 'label' && f.message.includes('住房改革支出')), 'label warning 住房改革支出');
text002('002-07', 'rounding 133.18 vs 133.19 as info', (text) => has(textInfo(text), '133.18', '133.19'), 'info 133.18/133.19');
text002('002-08', 'rounding 26.65 vs 26.66 as info', (text) => has(textInfo(text), '26.65', '26.66'), 'info 26.65/26.66');
text002('002-09', 'a completion rate of 99.87 as info', (text) => textInfo(text).some((f) => f.actual === '99.87' && f.rule === 'text.completion'), 'text.completion info 99.87');
text002('002-12', 'rounding 514.47 vs 514.46 as info', (text) => has(textInfo(text), '514.47', '514.46'), 'info 514.47/514.46');
text002('002-13', 'rounding 2113.82 vs 2113.81 as info', (text) => has(textInfo(text), '2113.82', '2113.81'), 'info 2113.82/2113.81');
key('002', '002-14', 'the same figure 1796.95 twice as info', (r) =>
  need(r.findings.some((f) => f.rule === 'text.repeated' && f.severity === 'info' && f.actual === '1796.95'), 'text.repeated info 1796.95', r.findings),
);

// Seed 003
key('003', '003-05', 'a cost cap above the project budget (20.4) as a warning', (r) =>
  need(r.findings.some((f) => f.rule === 'perf.cost-cap' && f.severity === 'warning' && f.actual === '20.4'), 'perf.cost-cap warning 20.4', r.findings),
);
key('003', '003-08', 'the 财政拨款收支总体情况表 still listing 医疗卫生与计划生育支出 as a label warning', (r) =>
  need(
    r.findings.some((f) => f.rule === 'label.stale-name' && f.severity === 'warning' && f.message.includes('财政拨款收支总体情况表') && f.message.includes('医疗卫生与计划生育支出')),
    'label.stale-name warning in the 财政拨款收支总体情况表',
    r.findings,
  ),
);
key('003', '003-consistent', 'no error, no warning but structure, 003-05 and 003-08 (the arithmetic is consistent)', (r) =>
  none(r.findings.filter((f) => f.severity === 'error' || (f.severity === 'warning' && f.category !== 'structure' && f.rule !== 'perf.cost-cap' && f.rule !== 'label.stale-name'))),
);
key('003', '003-coverage', 'more than 100 checks run and at least 4 stated changes', (r) => [
  ...(r.stats.checksRun > 100 ? [] : [`only ${r.stats.checksRun} checks run`]),
  ...(r.changes.filter((c) => c.basis === 'stated').length >= 4 ? [] : [`only ${r.changes.filter((c) => c.basis === 'stated').length} stated changes`]),
]);

// Seed 004
key('004', '004-05', 'a 项 named as a 款 (2101506) as a label warning', (r) =>
  need(r.findings.some((f) => f.rule === 'text.label' && f.severity === 'warning' && f.message.includes('2101506')), 'text.label warning 2101506', r.findings),
);
key('004', '004-04', 'a row whose name belongs to another code (社会福利和救助（509） vs 50901) as a label warning', (r) =>
  need(r.findings.some((f) => f.rule === 'label.text-name' && f.severity === 'warning' && f.message.includes('社会福利和救助（509）') && f.message.includes('50901')), 'label.text-name warning 509/50901', r.findings),
);
key('004', '004-06', '表2, 表3 and 表12 listed as not empty in the 目录 but absent, as doc.required warnings', (r) => {
  const missing = r.findings.filter((f) => f.rule === 'doc.required' && f.severity === 'warning');
  const titles = missing.map((f) => f.location.anchor !== undefined && f.message.match(/《(.+?)》/)?.[1]).sort();
  const want = ['一般公共预算“三公”经费支出表', '支出总表', '收入总表'];
  return JSON.stringify(titles) === JSON.stringify(want) ? [] : [`missing tables named ${JSON.stringify(titles)}, not ${JSON.stringify(want)}`];
});
key('004', '004-consistent', 'nothing alarming (元 tables balance exactly), labels and 004-06 aside', (r) =>
  none(r.findings.filter((f) => f.severity !== 'info' && f.category !== 'label' && f.rule !== 'doc.required')),
);
for (const [id, actual, expected] of [['004-01', '15.95', '15.955'], ['004-02', '123.96', '123.9664'], ['004-03', '10.95', '10.955']] as const) {
  key('004', id, `rounding ${actual} vs ${expected} in the text as info`, (r) => {
    const amounts = r.findings.filter((f) => f.rule === 'text.amount');
    return need(has(amounts, actual, expected), `text.amount ${actual}/${expected}`, amounts);
  });
}

// Every seed
for (const seed of seeds) {
  if (seed !== '001') {
    // 000-01 (e), 000-03 (a blank twin line, structural) and 002-18 are expected; everything else across tables must hold.
    key(seed, `${seed}-cross-consistent`, 'nothing above info across tables (000-01 e, 000-03 and 002-18 aside)', (r) =>
      none(
        r.findings.filter(
          (f) =>
            f.rule.startsWith('cross.') &&
            f.rule !== 'cross.blank-line' &&
            f.severity !== 'info' &&
            !(f.actual === '225151.75' && f.expected === '420000') &&
            !(f.actual === '133.19' && f.expected === '109.19'),
        ),
      ),
    );
  }
  key(seed, `${seed}-tables`, 'more than 5 tables, each with a title', (r) => [
    ...(r.tables.length > 5 ? [] : [`only ${r.tables.length} tables`]),
    ...r.tables.filter((t) => !t.title).map((t) => `table ${t.id} has no title`),
  ]);
}

// Required tables (002-15 and 004-06 missing, 000-04 empty against the 收支总表, 000-03 a blank twin line)
const completeness: Record<Seed, string> = {
  '000': '9 张必需表格：齐全（其中 1 张为空表，已说明）',
  '001': '8 张必需表格：齐全（其中 1 张为空表，已说明）',
  '002': '9 张必需表格：缺 2 张（收入决算表、一般公共预算财政拨款支出决算表）',
  '003': '9 张必需表格：齐全（其中 1 张为空表，已说明）',
  '004': '8 张必需表格：缺 3 张（收入总表、支出总表、一般公共预算“三公”经费支出表）',
};
for (const seed of seeds) {
  key(seed, `${seed}-completeness`, `the required tables: ${completeness[seed]}`, (r) => {
    const summary = r.document.completeness?.summary ?? '';
    return summary === completeness[seed] ? [] : [`completeness is "${summary}"`];
  });
}
key('000', '000-03', '经费拨款 blank in the 财政拨款收支总表 and filled in the 收支总表 as a structural warning', (r) =>
  need(
    r.findings.some((f) => f.rule === 'cross.blank-line' && f.severity === 'warning' && f.category === 'structure' && f.message.includes('经费拨款') && f.related.length === 1),
    'cross.blank-line warning on 经费拨款',
    r.findings,
  ),
);
key('000', '000-04', 'the empty 收入总表 as a doc.empty-table warning', (r) =>
  need(r.findings.some((f) => f.rule === 'doc.empty-table' && f.severity === 'warning' && f.message.includes('收入总表')), 'doc.empty-table warning on 收入总表', r.findings),
);
for (const seed of ['001', '003'] as const) {
  key(seed, `${seed}-doc-quiet`, 'nothing above info about the table set', (r) => none(r.findings.filter((f) => f.rule.startsWith('doc.') && f.severity !== 'info')));
}

export const answerKey: readonly KeyExpectation[] = expectations;

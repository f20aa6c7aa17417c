import type { Finding, Report } from '../lib/engine/report/schema';
import { GROUP_LABEL, GROUP_ORDER, groupOf } from '../lib/present/page/labels';
import { FindingItem } from './FindingItem';

const RANK = { error: 0, warning: 1, info: 2 } as const;

/** Findings grouped by 表内勾稽 / 文字与表格 / 同比, worst first inside each group. */
export function FindingList({ report, onSelect }: { report: Report; onSelect: (finding: Finding) => void }) {
  const titles = new Map(report.tables.map((t) => [t.id, t.title]));
  const groups = GROUP_ORDER.map((group) => ({
    group,
    findings: report.findings.filter((f) => groupOf(f) === group).sort((a, b) => RANK[a.severity] - RANK[b.severity]),
  })).filter((g) => g.findings.length > 0);
  return (
    <div class="groups">
      {groups.map(({ group, findings }) => (
        <section key={group} class="group" aria-labelledby={`group-${group}`}>
          <h2 id={`group-${group}`}>
            {GROUP_LABEL[group]} <span class="group-n">{findings.length}</span>
          </h2>
          <ul class="findings">
            {findings.map((finding) => (
              <FindingItem
                key={finding.id}
                finding={finding}
                tableTitle={'tableId' in finding.location ? titles.get(finding.location.tableId) : undefined}
                onSelect={onSelect}
              />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

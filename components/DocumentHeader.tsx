import type { Report } from '../lib/engine/report/schema';

import type { Lang } from '../lib/present/i18n';

const KIND = { zh: { budget: '预算', final: '决算', unknown: '' }, en: { budget: 'budget', final: 'final account', unknown: '' } } as const;
const LEVEL = { zh: { unit: '单位', department: '部门' }, en: { unit: 'unit', department: 'department' } } as const;

const STATUS = { present: '有', 'empty-noted': '空表（已说明）', empty: '空表（未说明）', missing: '缺' } as const;

/** One line per required table, for the reader who wants to see the whole list. */
function completenessTooltip(completeness: NonNullable<Report['document']['completeness']>): string {
  return completeness.tables.map((t) => `${t.name}：${STATUS[t.status]}`).join('\n');
}

/** The document's title, with kind and year as small tags when known. */
export function DocumentHeader({ report, fallbackTitle, lang = 'zh' }: { report: Report | null; fallbackTitle: string; lang?: Lang }) {
  const doc = report?.document;
  const title = doc?.title || fallbackTitle || (lang === 'zh' ? '当前页面' : 'This page');
  return (
    <header class="doc">
      <h1 class="doc-title" title={title}>
        <bdi>{title}</bdi>
      </h1>
      {doc && (doc.kind !== 'unknown' || doc.year || doc.department) && (
        <p class="tags">
          {doc.department && <span class="tag">{doc.department}</span>}
          {doc.year && <span class="tag">{lang === 'zh' ? `${doc.year} 年` : doc.year}</span>}
          {doc.kind !== 'unknown' && <span class="tag kind">{KIND[lang][doc.kind]}</span>}
          {doc.unitLevel && <span class="tag">{LEVEL[lang][doc.unitLevel]}</span>}
        </p>
      )}
      {doc?.completeness && (
        <p class={`completeness${/缺|未说明/.test(doc.completeness.summary) ? ' incomplete' : ''}`} title={completenessTooltip(doc.completeness)}>
          {doc.completeness.summary}
        </p>
      )}
    </header>
  );
}

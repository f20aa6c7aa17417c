import type { Report } from '../lib/report/schema';

const KIND = { budget: '预算', final: '决算', unknown: '' } as const;

/** The document's title, with kind and year as small tags when known. */
export function DocumentHeader({ report, fallbackTitle }: { report: Report | null; fallbackTitle: string }) {
  const doc = report?.document;
  const title = doc?.title || fallbackTitle || '当前页面';
  return (
    <header class="doc">
      <h1 class="doc-title" title={title}>
        {title}
      </h1>
      {doc && (doc.kind !== 'unknown' || doc.year || doc.department) && (
        <p class="tags">
          {doc.department && <span class="tag">{doc.department}</span>}
          {doc.year && <span class="tag">{doc.year} 年</span>}
          {doc.kind !== 'unknown' && <span class="tag kind">{KIND[doc.kind]}</span>}
        </p>
      )}
    </header>
  );
}

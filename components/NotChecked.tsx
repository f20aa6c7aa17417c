import type { NotChecked as Item } from '../lib/engine/report/schema';
import { t, type Lang } from '../lib/present/i18n';

/** What the checker skipped and why, folded away: useful, but not the headline. */
export function NotChecked({ items, lang = 'zh' }: { items: Item[]; lang?: Lang }) {
  if (items.length === 0) return null;
  return (
    <details class="not-checked">
      <summary>{t(lang).popup.notCheckedParts(items.length)}</summary>
      <ul>
        {items.map((item, i) => (
          <li key={i}>
            <b>{item.what}</b>：{item.reason}
          </li>
        ))}
      </ul>
    </details>
  );
}

import type { NotChecked as Item } from '../lib/engine/report/schema';

/** What the checker skipped and why, folded away: useful, but not the headline. */
export function NotChecked({ items }: { items: Item[] }) {
  if (items.length === 0) return null;
  return (
    <details class="not-checked">
      <summary>未核对的内容（{items.length}）</summary>
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

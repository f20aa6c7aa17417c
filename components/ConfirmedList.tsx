import type { Confirmed } from '../lib/engine/report/schema';
import { Icon } from './Icon';
import { t, type Lang } from '../lib/present/i18n';

/** The text claims that checked out, shown only when the reader asks for them ("显示核对无误的内容"). */
export function ConfirmedList({ items, lang = 'zh' }: { items: Confirmed[]; lang?: Lang }) {
  if (items.length === 0) return null;
  return (
    <section class="confirmed" aria-labelledby="confirmed-heading">
      <h2 id="confirmed-heading">
        {t(lang).popup.confirmed} <span class="group-n">{items.length}</span>
      </h2>
      <ul>
        {items.map((item, i) => (
          <li key={i}>
            <span class="ok">
              <Icon name="check" />
            </span>
            <span>
              <q>{'text' in item.location ? item.location.text : ''}</q> {item.message}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

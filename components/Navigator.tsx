import { t, type Lang } from '../lib/present/i18n';
import { SEVERITY_ICON } from '../lib/present/icons';
import type { Counts } from '../lib/present/view-model';
import { Icon } from './Icon';

interface Props {
  lang: Lang;
  /** 0-based position of the current finding, −1 before the first step. */
  index: number;
  total: number;
  counts: Counts;
  onPrev: () => void;
  onNext: () => void;
  onHide: () => void;
  /** Where the nearest finding is when none is in view: the reader is told where to look. */
  offscreen?: 'below' | 'above' | null;
}

/** The page's floating stepper: "◀ 2/7 ▶", the counts by severity, Alt+J / Alt+K, and a way to hide it. */
export function Navigator({ lang, index, total, counts, onPrev, onNext, onHide, offscreen = null }: Props) {
  const dict = t(lang);
  return (
    <div class="nav-inner" role="navigation" aria-label={dict.navigator.label}>
      <span class="brand">{dict.brand}</span>
      <span class="counts">
        {(['error', 'warning', 'info'] as const)
          .filter((s) => counts[s] > 0)
          .map((s) => (
            <span key={s} class={`n ${s}`} title={dict.severityHelp[s]}>
              <span class={`sev-icon ${s}`}>
                <Icon name={SEVERITY_ICON[s]} />
              </span>
              {counts[s]}
              <span class="sr-only">{dict.severity[s]}</span>
            </span>
          ))}
      </span>
      <button type="button" class="prev" onClick={onPrev} aria-label={dict.navigator.prev} title={dict.navigator.prev} disabled={!total}>
        <Icon name="prev" />
      </button>
      <span class="pos" aria-live="polite">
        {dict.navigator.position(index + 1, total)}
      </span>
      <button type="button" class="next" onClick={onNext} aria-label={dict.navigator.next} title={dict.navigator.next} disabled={!total}>
        <Icon name="next" />
      </button>
      {index < 0 && total > 0 && (
        <span class="hint">
          {offscreen ? (offscreen === 'below' ? dict.navigator.below : dict.navigator.above) : lang === 'zh' ? 'Alt+J 看第一处' : 'Alt+J: first one'}
        </span>
      )}
      <button type="button" class="hide" onClick={onHide} aria-label={dict.navigator.hide} title={dict.navigator.hide}>
        <Icon name="close" />
      </button>
    </div>
  );
}

import { t, type Lang } from '../lib/present/i18n';
import type { FindingView, RelatedView } from '../lib/present/view-model';
import { FindingCard, type CardHandlers } from './FindingCard';
import { Icon } from './Icon';

interface Props extends CardHandlers {
  views: FindingView[];
  lang: Lang;
  /** Clicked open: actions and stepping shown, the tooltip stays until closed. */
  pinned: boolean;
  /** Related cells to offer, per finding id (blank operands left out). */
  relatedOf: (view: FindingView) => RelatedView[];
  relatedCount: number;
  note?: string | null;
  onPrev?: () => void;
  onNext?: () => void;
  onStepRelated?: () => void;
  onClose?: () => void;
}

/** The tooltip of a mark: its findings, worst first, compact; when pinned, the actions too. */
export function Tip({ views, lang, pinned, relatedOf, relatedCount, note, onPrev, onNext, onStepRelated, onClose, ...handlers }: Props) {
  const dict = t(lang);
  return (
    <>
      {note && <div class="hint stale-note">{note}</div>}
      {views.map((view) => (
        <FindingCard key={view.id} view={view} lang={lang} compact related={relatedOf(view)} {...(pinned ? handlers : {})} />
      ))}
      {pinned ? (
        <div class="tip-bar">
          {onPrev && (
            <button type="button" class="prev" onClick={onPrev}>
              <Icon name="prev" />
              {dict.actions.prev}
            </button>
          )}
          {onNext && (
            <button type="button" class="next" onClick={onNext}>
              {dict.actions.next}
              <Icon name="next" />
            </button>
          )}
          {relatedCount > 0 && onStepRelated && (
            <button type="button" class="step-related" onClick={onStepRelated}>
              {dict.actions.stepRelated(relatedCount)}
            </button>
          )}
          {onClose && (
            <button type="button" class="close" aria-label={dict.actions.close} title={dict.actions.close} onClick={onClose}>
              <Icon name="close" />
            </button>
          )}
        </div>
      ) : (
        relatedCount > 0 && <div class="hint">{lang === 'zh' ? `点击标记可查看详情、依次跳到 ${relatedCount} 个相关单元格` : `Click the mark for details and its ${relatedCount} related cells`}</div>
      )}
    </>
  );
}

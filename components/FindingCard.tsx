import { useState } from 'preact/hooks';
import { explain, splitTerms } from '../lib/present/glossary';
import { t, type Lang } from '../lib/present/i18n';
import { SEVERITY_ICON } from '../lib/present/icons';
import type { FindingView, RelatedView } from '../lib/present/view-model';
import { Icon } from './Icon';

/**
 * One finding, the same everywhere: in the popup's list, in the page overlay's tooltip and in the
 * PDF viewer. A plain headline first, then the arithmetic, the place and — folded — the check's
 * own explanation and its rule. Everything is text: Preact never turns page text into markup.
 */

export type DismissKind = 'dismiss' | 'misread';

export interface CardHandlers {
  /** The headline becomes a button that shows the finding on the page (popup). */
  onSelect?: (view: FindingView) => void;
  onRelated?: (related: RelatedView) => void;
  onCopy?: (view: FindingView) => Promise<void> | void;
  onLink?: (view: FindingView) => Promise<void> | void;
  onDismiss?: (view: FindingView, kind: DismissKind) => void;
}

interface Props extends CardHandlers {
  view: FindingView;
  lang?: Lang;
  /** The tooltip's compact form: details folded, fewer related cells. */
  compact?: boolean;
  /** Related cells worth showing (blank operands add nothing to read). */
  related?: RelatedView[];
  headingLevel?: 2 | 3;
}

const MAX_RELATED = 8;

/** Text with the glossary's terms explained on hover (an <abbr> title). */
export function WithTerms({ text, lang }: { text: string; lang: Lang }) {
  return (
    <>
      {splitTerms(text).map((piece, i) =>
        piece.term ? (
          <abbr key={i} title={explain(piece.term, lang)}>
            {piece.text}
          </abbr>
        ) : (
          piece.text
        ),
      )}
    </>
  );
}

export function FindingCard({ view, lang = 'zh', compact = false, related = view.related, onSelect, onRelated, onCopy, onLink, onDismiss }: Props) {
  const dict = t(lang);
  const [done, setDone] = useState<'' | 'copy' | 'link'>('');
  const flash = (what: 'copy' | 'link') => {
    setDone(what);
    setTimeout(() => setDone(''), 1500);
  };
  const shown = related.slice(0, compact ? 4 : MAX_RELATED);
  const more = related.length - shown.length;
  const headline = <WithTerms text={view.headline} lang={lang} />;
  return (
    <article class={`card ${view.severity}${view.basis === 'reading' ? ' reading' : ''}`} data-finding={view.id} data-key={view.key}>
      <div class="card-head">
        <span class={`sev-icon ${view.severity}`}>
          <Icon name={SEVERITY_ICON[view.severity]} />
        </span>
        <span class="sev-name">{dict.severity[view.severity]}</span>
        {view.basis === 'reading' && <span class="reading-tag">{dict.possibleMisreading}</span>}
        <span class="group-name">{dict.group[view.group]}</span>
      </div>
      {onSelect ? (
        <button type="button" class="headline select" onClick={() => onSelect(view)}>
          {headline}
        </button>
      ) : (
        <p class="headline">{headline}</p>
      )}
      {view.arithmetic && (
        <p class="arith">
          <WithTerms text={view.arithmetic} lang={lang} />
        </p>
      )}
      {view.consequences > 0 && <p class="consequences">{dict.consequences(view.consequences)}</p>}
      {/* Page-derived (titles, labels, quoted text): isolated so no bidi text of theirs reorders ours. */}
      <p class="where">
        <bdi>{view.where}</bdi>
      </p>
      {shown.length > 0 && (
        <p class="rel">
          <span class="rel-label">{dict.related}：</span>
          {shown.map((r, i) =>
            onRelated && r.anchor ? (
              <button key={i} type="button" class="rel-link" onClick={() => onRelated(r)}>
                <bdi>{r.label}</bdi>
              </button>
            ) : (
              <bdi key={i} class="rel-item">
                {r.label}
              </bdi>
            ),
          )}
          {more > 0 && <span class="rel-more">{dict.relatedMore(related.length)}</span>}
        </p>
      )}
      {!view.arithmetic && (
        // Without figures to compare, the check's own words are the explanation: shown, not folded.
        <p class="detail plain">
          <WithTerms text={view.detail} lang={lang} />
        </p>
      )}
      <details class="more">
        <summary>{dict.details}</summary>
        {view.arithmetic && (
          <p class="detail">
            <WithTerms text={view.detail} lang={lang} />
          </p>
        )}
        <p class="rule">
          {dict.rule}：<WithTerms text={view.rule.title} lang={lang} /> <code>{view.rule.id}</code>
        </p>
      </details>
      {(onCopy || onLink || onDismiss) && (
        <div class="card-actions">
          {onCopy && (
            <button type="button" class="act" onClick={() => void Promise.resolve(onCopy(view)).then(() => flash('copy'))}>
              <Icon name={done === 'copy' ? 'check' : 'copy'} />
              {done === 'copy' ? dict.actions.copied : dict.actions.copy}
            </button>
          )}
          {onLink && (
            <button type="button" class="act" title={dict.actions.linkTitle} onClick={() => void Promise.resolve(onLink(view)).then(() => flash('link'))}>
              <Icon name={done === 'link' ? 'check' : 'link'} />
              {done === 'link' ? dict.actions.copied : dict.actions.link}
            </button>
          )}
          {onDismiss && (
            <>
              <button type="button" class="act" onClick={() => onDismiss(view, 'dismiss')}>
                <Icon name="dismiss" />
                {dict.actions.dismiss}
              </button>
              <button type="button" class="act" onClick={() => onDismiss(view, 'misread')}>
                <Icon name="misread" />
                {dict.actions.misread}
              </button>
            </>
          )}
        </div>
      )}
    </article>
  );
}

import type { Severity } from '../lib/engine/report/schema';
import { t, type Lang } from '../lib/present/i18n';
import { groupFindings, type FindingView, type Grouping } from '../lib/present/view-model';
import { FindingCard, type CardHandlers } from './FindingCard';

interface Props extends CardHandlers {
  /** Ordered worst first (reportView). */
  findings: FindingView[];
  lang?: Lang;
  grouping?: Grouping;
  filter?: Severity | null;
}

/**
 * The popup's list: errors, then warnings (grouped by severity, table or kind on demand), and the
 * notes folded away at the end unless the reader asked for them.
 */
export function FindingList({ findings, lang = 'zh', grouping = 'severity', filter = null, ...handlers }: Props) {
  const dict = t(lang);
  const shown = filter ? findings.filter((f) => f.severity === filter) : findings;
  const foldNotes = filter !== 'info';
  const main = foldNotes ? shown.filter((f) => f.severity !== 'info') : shown;
  const notes = foldNotes ? shown.filter((f) => f.severity === 'info') : [];
  return (
    <div class="groups">
      <Groups findings={main} lang={lang} grouping={grouping} {...handlers} />
      {notes.length > 0 && (
        <details class="notes">
          <summary>{dict.popup.notes(notes.length)}</summary>
          <Groups findings={notes} lang={lang} grouping={grouping === 'severity' ? 'kind' : grouping} {...handlers} />
        </details>
      )}
    </div>
  );
}

function Groups({ findings, lang, grouping, ...handlers }: { findings: FindingView[]; lang: Lang; grouping: Grouping } & CardHandlers) {
  return (
    <>
      {groupFindings(findings, grouping, lang).map((group) => (
        <section key={group.key} class={`group g-${group.key.replace(/[^a-z0-9-]/gi, '_')}`} aria-label={group.title}>
          <h2>
            {group.title} <span class="group-n">{group.items.length}</span>
          </h2>
          <ul class="findings">
            {group.items.map((view) => (
              <li key={view.id} class={`finding ${view.severity}`} data-finding={view.id}>
                <FindingCard view={view} lang={lang} {...handlers} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

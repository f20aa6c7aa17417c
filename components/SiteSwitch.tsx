import type { Lang } from '../lib/present/i18n';

interface Props {
  host: string;
  lang?: Lang;
  enabled: boolean;
  onChange: (enabled: boolean) => void;
}

/** The per-site on/off switch: a real checkbox with role=switch, so screen readers say 开/关. */
export function SiteSwitch({ host, enabled, onChange, lang = 'zh' }: Props) {
  return (
    <label class="switch">
      <input
        type="checkbox"
        role="switch"
        checked={enabled}
        aria-checked={enabled}
        onChange={(event) => onChange((event.currentTarget as HTMLInputElement).checked)}
      />
      <span class="track" aria-hidden="true" />
      <span class="switch-text">
        {lang === 'zh' ? (
          <>
            在 <b>{host}</b> 上{enabled ? '启用' : '已关闭'}
          </>
        ) : (
          <>
            <b>{host}</b>: {enabled ? 'on' : 'off'}
          </>
        )}
      </span>
    </label>
  );
}

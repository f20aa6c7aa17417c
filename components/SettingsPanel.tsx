interface Props {
  host: string;
  /** The host is a *.gov.cn portal (always covered) or already on the user's list. */
  covered: boolean;
  showInfo: boolean;
  onShowInfo: (show: boolean) => void;
  onAddHost: () => void;
}

/** Rarely used settings, folded away: rounding notes on the page, and extra portal hosts. */
export function SettingsPanel({ host, covered, showInfo, onShowInfo, onAddHost }: Props) {
  return (
    <details class="settings">
      <summary>设置</summary>
      <label class="check">
        <input type="checkbox" checked={showInfo} onChange={(e) => onShowInfo((e.currentTarget as HTMLInputElement).checked)} />
        在页面上标出尾数提示（四舍五入造成的小差异）
      </label>
      {!covered && (
        <p class="add-host">
          <button type="button" class="link" onClick={onAddHost}>
            在 {host} 上自动检查
          </button>
          <span class="hint">（需要授予访问此网站的权限）</span>
        </p>
      )}
    </details>
  );
}

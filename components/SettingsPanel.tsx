interface Props {
  host: string;
  /** The host is a *.gov.cn portal (always covered) or already on the user's list. */
  covered: boolean;
  showInfo: boolean;
  onShowInfo: (show: boolean) => void;
  showPassed: boolean;
  onShowPassed: (show: boolean) => void;
  autoOpenPdf: boolean;
  onAutoOpenPdf: (on: boolean) => void;
  onAddHost: () => void;
}

/** Rarely used settings, folded away: rounding notes on the page, PDFs opening in the viewer, and extra portal hosts. */
export function SettingsPanel({ host, covered, showInfo, onShowInfo, showPassed, onShowPassed, autoOpenPdf, onAutoOpenPdf, onAddHost }: Props) {
  return (
    <details class="settings">
      <summary>设置</summary>
      <label class="check">
        <input type="checkbox" checked={showInfo} onChange={(e) => onShowInfo((e.currentTarget as HTMLInputElement).checked)} />
        在页面上标出尾数提示（四舍五入造成的小差异）
      </label>
      <label class="check">
        <input type="checkbox" checked={showPassed} onChange={(e) => onShowPassed((e.currentTarget as HTMLInputElement).checked)} />
        显示核对无误的内容（文字中已与表格或自身算式核对相符的数字，页面上以绿色下划线标出）
      </label>
      <label class="check">
        <input type="checkbox" checked={autoOpenPdf} onChange={(e) => onAutoOpenPdf((e.currentTarget as HTMLInputElement).checked)} />
        自动用预算透镜打开PDF（政府网站及已添加的网站）
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

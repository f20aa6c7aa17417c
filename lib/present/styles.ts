/**
 * The one place Budget Lens's look is defined: colour tokens (light and dark, following
 * prefers-color-scheme), marks, badges, chips, trends, the finding card, the tooltip and the
 * navigator. The page overlay puts it in its shadow root, the viewer and the popup in their
 * documents. Severity is carried by line style and icon as well as colour; a possible
 * misreading (basis 'reading') is hatched.
 */

const FONT = 'system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif';

/** Colour tokens on a scope (":host" in the overlay, ":root" elsewhere). */
export function tokens(scope: string): string {
  return `
${scope} { --bl-error: #c62828; --bl-warning: #b45309; --bl-info: #1d4ed8; --bl-related: #0e7490; --bl-ok: #15803d;
  --bl-ink: #111827; --bl-muted: #4b5563; --bl-bg: #ffffff; --bl-soft: #f3f4f6; --bl-line: #d1d5db; --bl-on-sev: #ffffff;
  --bl-error-bg: #fef2f2; --bl-warning-bg: #fffbeb; --bl-info-bg: #eff6ff; --bl-focus: #111827; --bl-shadow: rgba(0, 0, 0, 0.18); }
@media (prefers-color-scheme: dark) {
  ${scope} { --bl-error: #f87171; --bl-warning: #fbbf24; --bl-info: #93c5fd; --bl-related: #22d3ee; --bl-ok: #4ade80;
    --bl-ink: #e5e7eb; --bl-muted: #a1a1aa; --bl-bg: #1f2430; --bl-soft: #2a303c; --bl-line: #3f4654; --bl-on-sev: #111827;
    --bl-error-bg: #3b1d1f; --bl-warning-bg: #3a2f14; --bl-info-bg: #1c2a40; --bl-focus: #f9fafb; --bl-shadow: rgba(0, 0, 0, 0.5); }
}`;
}

/** The CSS Custom Highlights over marked text (document level: ::highlight() only matches ours). */
export const HIGHLIGHT_CSS = `
::highlight(budget-lens-error) { background-color: rgba(198, 40, 40, 0.16); text-decoration: underline wavy rgba(198, 40, 40, 0.85); }
::highlight(budget-lens-warning) { background-color: rgba(217, 119, 6, 0.18); text-decoration: underline dashed rgba(180, 83, 9, 0.85); }
::highlight(budget-lens-info) { background-color: rgba(29, 78, 216, 0.10); }
::highlight(budget-lens-related) { background-color: rgba(14, 116, 144, 0.22); }
::highlight(budget-lens-passed) { text-decoration: underline solid rgba(21, 128, 61, 0.85); text-decoration-thickness: 2px; }
`;

export const MARKS_CSS = `
.mark, .related { position: absolute; left: 0; top: 0; pointer-events: none; border-radius: 2px; }
.mark[hidden], .badge[hidden], .chip[hidden], .related[hidden], .trend[hidden] { display: none; }
.mark.error { border: 2px solid var(--bl-error); background: rgba(198, 40, 40, 0.05); }
.mark.warning { border: 2px dashed var(--bl-warning); background: rgba(217, 119, 6, 0.05); }
.mark.info { border: 2px dotted var(--bl-info); }
.mark.reading { border-style: dashed; background: repeating-linear-gradient(135deg, rgba(180, 83, 9, 0.16) 0 3px, transparent 3px 7px); }
.related { border: 2px solid var(--bl-related); background: rgba(14, 116, 144, 0.10); }
.mark.flash, .related.flash { animation: bl-flash 0.6s ease-in-out 4; }
@keyframes bl-flash { 50% { box-shadow: 0 0 0 6px rgba(250, 204, 21, 0.75); background: rgba(250, 204, 21, 0.35); } }
@media (prefers-reduced-motion: reduce) { .mark.flash, .related.flash { animation: none; box-shadow: 0 0 0 4px rgba(250, 204, 21, 0.8); } }

.badge { position: absolute; left: 0; top: 0; width: 18px; height: 18px; padding: 0; margin: 0;
  display: grid; place-items: center; border-radius: 50%; border: 1.5px solid var(--bl-bg); cursor: pointer;
  color: var(--bl-on-sev); pointer-events: auto; box-shadow: 0 1px 3px rgba(0, 0, 0, 0.35); }
.badge .icon { width: 12px; height: 12px; }
.badge.error { background: var(--bl-error); }
.badge.warning { background: var(--bl-warning); border-radius: 3px; }
.badge.info { background: var(--bl-info); }
.badge.reading { outline: 1.5px dashed var(--bl-warning); outline-offset: 1px; }
.badge:focus-visible, .badge.current { outline: 3px solid var(--bl-focus); outline-offset: 1px; }
.badge:hover { transform: scale(1.12); }

.chip { position: absolute; left: 0; top: 0; pointer-events: auto; white-space: nowrap;
  display: inline-flex; align-items: center; gap: 6px; padding: 1px 8px 1px 6px; border-radius: 999px;
  background: var(--bl-bg); border: 1px solid var(--bl-line); box-shadow: 0 1px 2px rgba(0, 0, 0, 0.12);
  font: 12px/18px ${FONT}; color: var(--bl-ink); }
.chip .dot { width: 8px; height: 8px; border-radius: 50%; background: var(--bl-ok); flex: none; }
.chip.error { border-color: var(--bl-error); color: var(--bl-error); }
.chip.error .dot { background: var(--bl-error); }
.chip.warning { border-color: var(--bl-warning); color: var(--bl-warning); }
.chip.warning .dot { background: var(--bl-warning); }
.chip.info { color: var(--bl-info); }
.chip.info .dot { background: var(--bl-info); }

.trend { position: absolute; left: 0; top: 0; pointer-events: auto; white-space: nowrap; cursor: help;
  display: inline-flex; align-items: center; gap: 1px; margin: 0; font: 600 10px/12px ${FONT};
  padding: 0 3px 0 1px; border-radius: 3px; background: var(--bl-bg); border: 1px solid var(--bl-line); color: var(--bl-ink); }
.trend .icon { width: 9px; height: 9px; flex: none; }
.trend.up { color: var(--bl-warning); border-color: var(--bl-warning); }
.trend.down { color: var(--bl-info); border-color: var(--bl-info); }
.trend.icon-only .text { display: none; }
.trend.icon-only { padding: 0 1px; }
.trend.corner { padding: 0; border: 0; background: none; }
.trend.corner .text { display: none; }
.trend.corner .icon { width: 8px; height: 8px; }
.trend:focus-visible { outline: 2px solid var(--bl-focus); outline-offset: 1px; }
`;

export const CARD_CSS = `
.card { font: 13px/1.5 ${FONT}; color: var(--bl-ink); }
.card-head { display: flex; align-items: center; gap: 6px; font-size: 12px; font-weight: 600; }
.sev-icon { display: inline-grid; place-items: center; width: 16px; height: 16px; border-radius: 50%; color: var(--bl-on-sev); flex: none; }
.sev-icon .icon { width: 11px; height: 11px; }
.sev-icon.error { background: var(--bl-error); }
.sev-icon.warning { background: var(--bl-warning); border-radius: 3px; }
.sev-icon.info { background: var(--bl-info); }
.card.error .sev-name { color: var(--bl-error); }
.card.warning .sev-name { color: var(--bl-warning); }
.card.info .sev-name { color: var(--bl-info); }
.reading-tag { font-weight: 500; font-size: 11px; padding: 0 5px; border-radius: 3px; border: 1px dashed var(--bl-warning); color: var(--bl-warning); }
.group-name { margin-left: auto; font-weight: 400; color: var(--bl-muted); font-size: 11px; }
.card .headline { display: block; margin: 3px 0 0; padding: 0; font: 600 14px/1.45 ${FONT}; color: var(--bl-ink); text-align: left; word-break: break-word; }
.card button.headline { width: 100%; border: 0; background: none; cursor: pointer; }
.card button.headline:hover { text-decoration: underline; }
.card .arith { margin: 3px 0 0; font-variant-numeric: tabular-nums; color: var(--bl-ink); font-size: 12.5px; word-break: break-word; }
.card .where { margin: 2px 0 0; font-size: 12px; color: var(--bl-muted); word-break: break-word; }
.card .rel { margin: 3px 0 0; font-size: 12px; color: var(--bl-muted); display: flex; flex-wrap: wrap; gap: 2px 0; align-items: baseline; }
.card .rel-more { margin-left: 6px; }
.card .rel-label { color: var(--bl-related); font-weight: 600; }
.card .rel-link { font: inherit; color: var(--bl-related); background: none; border: 0; padding: 0; cursor: pointer; text-decoration: underline; text-align: left; }
.card .rel-item + .rel-item::before, .card .rel-link + .rel-link::before { content: "；"; color: var(--bl-muted); }
.card .more { margin-top: 3px; font-size: 12px; color: var(--bl-muted); }
.card .more summary { cursor: pointer; width: max-content; }
.card .detail, .card .rule { margin: 3px 0 0; word-break: break-word; }
.card .detail.plain { font-size: 12.5px; color: var(--bl-ink); }
.card .rule code { font-size: 11px; color: var(--bl-muted); }
.card abbr { text-decoration: underline dotted; cursor: help; }
.card-actions { display: flex; flex-wrap: wrap; gap: 4px; margin-top: 6px; }
.card .act { display: inline-flex; align-items: center; gap: 3px; font: 12px/1.4 ${FONT}; padding: 2px 7px; border: 1px solid var(--bl-line);
  border-radius: 4px; background: var(--bl-bg); color: var(--bl-ink); cursor: pointer; }
.card .act:hover { background: var(--bl-soft); }
.card .act .icon { width: 12px; height: 12px; }
.card .consequences { margin: 2px 0 0; font-size: 12px; color: var(--bl-muted); }
/* Page-derived fragments (labels quoted in messages) must not reorder the text around them. */
.card .detail, .card .where, .card .rel, .card .arith, .chip, .trend { unicode-bidi: isolate; }
.card :focus-visible { outline: 2px solid var(--bl-focus); outline-offset: 1px; }
`;

export const TIP_CSS = `
.tip { position: absolute; left: 0; top: 0; width: max-content; max-width: min(340px, calc(100vw - 16px)); max-height: min(55vh, 360px);
  overflow: auto; pointer-events: none; background: var(--bl-bg); color: var(--bl-ink); border-radius: 6px;
  border: 1px solid var(--bl-line); box-shadow: 0 6px 24px var(--bl-shadow); padding: 8px 10px; font: 13px/1.5 ${FONT}; }
.tip[hidden] { display: none; }
.tip.pinned { pointer-events: auto; }
.tip .card + .card { margin-top: 8px; padding-top: 8px; border-top: 1px solid var(--bl-line); }
.tip .tip-bar { display: flex; flex-wrap: wrap; gap: 4px; align-items: center; margin-top: 6px; padding-top: 6px; border-top: 1px solid var(--bl-line); font-size: 12px; }
.tip .tip-bar button { display: inline-flex; align-items: center; gap: 3px; font: 12px/1.4 ${FONT}; padding: 2px 7px; border: 1px solid var(--bl-line);
  border-radius: 4px; background: var(--bl-bg); color: var(--bl-ink); cursor: pointer; }
.tip .tip-bar .icon { width: 12px; height: 12px; }
.tip .tip-bar .close { margin-left: auto; }
.tip .hint { margin-top: 4px; font-size: 11px; color: var(--bl-muted); }
.tip .stale-note { margin: 0 0 6px; color: var(--bl-warning); font-size: 12px; }
.layer.stale .mark, .layer.stale .badge, .layer.stale .chip, .layer.stale .trend { opacity: 0.45; filter: grayscale(0.6); }
`;

export const NAV_CSS = `
.nav { position: fixed; right: 16px; bottom: 16px; z-index: 3; pointer-events: auto; display: flex; align-items: center; gap: 6px;
  padding: 5px 8px; border-radius: 999px; background: var(--bl-bg); color: var(--bl-ink); border: 1px solid var(--bl-line);
  box-shadow: 0 4px 16px var(--bl-shadow); font: 12px/1.4 ${FONT}; }
.nav[hidden] { display: none; }
.nav button { display: inline-grid; place-items: center; min-width: 26px; height: 26px; padding: 0 6px; border-radius: 999px; border: 1px solid var(--bl-line);
  background: var(--bl-bg); color: var(--bl-ink); cursor: pointer; font: inherit; }
.nav button:hover { background: var(--bl-soft); }
.nav button:focus-visible { outline: 2px solid var(--bl-focus); outline-offset: 1px; }
.nav .icon { width: 12px; height: 12px; }
.nav .pos { min-width: 3.2em; text-align: center; font-variant-numeric: tabular-nums; font-weight: 600; }
.nav .counts { display: inline-flex; gap: 6px; }
.nav .n { display: inline-flex; align-items: center; gap: 2px; font-variant-numeric: tabular-nums; }
.nav .n .sev-icon { width: 14px; height: 14px; }
.nav .n .sev-icon .icon { width: 9px; height: 9px; }
.nav .hint { color: var(--bl-muted); }
.nav .brand { font-weight: 700; }
.nav-inner { display: contents; }
.nav button:disabled { opacity: 0.5; cursor: default; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.sev-icon { display: inline-grid; place-items: center; width: 16px; height: 16px; border-radius: 50%; color: var(--bl-on-sev); flex: none; }
.sev-icon.error { background: var(--bl-error); } .sev-icon.warning { background: var(--bl-warning); border-radius: 3px; } .sev-icon.info { background: var(--bl-info); }
`;

/** Everything the page overlay's shadow root needs. */
export const OVERLAY_CSS = `
:host { all: initial !important; position: absolute !important; left: 0 !important; top: 0 !important;
  width: 0 !important; height: 0 !important; overflow: visible !important; z-index: 2147483646 !important;
  pointer-events: none !important; display: block !important; contain: style; }
* { box-sizing: border-box; }
${tokens(':host')}
.layer { position: absolute; left: 0; top: 0; width: 0; height: 0; font: 12px/1.5 ${FONT}; color: var(--bl-ink); }
${MARKS_CSS}
${CARD_CSS}
${TIP_CSS}
${NAV_CSS}
`;

/** The same look in an extension page (the viewer, the popup, the options page). */
export const PAGE_CSS = `
${tokens(':root')}
${MARKS_CSS}
${CARD_CSS}
${TIP_CSS}
${NAV_CSS}
`;

/**
 * Styles of the overlay's shadow root, and the one tiny document-level sheet for CSS Custom
 * Highlights (::highlight() only matches the highlights we register, so no page element changes).
 * Severity is carried by line style and glyph as well as colour.
 */

export const COLORS = {
  error: '#c62828',
  warning: '#b45309',
  info: '#1d4ed8',
  related: '#0e7490',
  reading: '#475569',
} as const;

export const HIGHLIGHT_CSS = `
::highlight(budget-lens-error) { background-color: rgba(198, 40, 40, 0.16); text-decoration: underline wavy rgba(198, 40, 40, 0.85); }
::highlight(budget-lens-warning) { background-color: rgba(217, 119, 6, 0.18); text-decoration: underline dashed rgba(180, 83, 9, 0.85); }
::highlight(budget-lens-info) { background-color: rgba(29, 78, 216, 0.10); }
::highlight(budget-lens-related) { background-color: rgba(14, 116, 144, 0.22); }
::highlight(budget-lens-passed) { text-decoration: underline solid rgba(21, 128, 61, 0.85); text-decoration-thickness: 2px; }
`;

export const OVERLAY_CSS = `
:host { all: initial !important; position: absolute !important; left: 0 !important; top: 0 !important;
  width: 0 !important; height: 0 !important; overflow: visible !important; z-index: 2147483646 !important;
  pointer-events: none !important; display: block !important; contain: layout style; }
* { box-sizing: border-box; }
.layer, .tip { font: 12px/1.5 system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif;
  color: #1f2937; }
.layer { position: absolute; left: 0; top: 0; width: 0; height: 0; }
.mark, .related { position: absolute; left: 0; top: 0; pointer-events: none; border-radius: 2px; }
.mark[hidden], .badge[hidden], .chip[hidden], .related[hidden], .tip[hidden], .trend[hidden] { display: none; }
.trend { position: absolute; left: 0; top: 0; pointer-events: auto; white-space: nowrap; font: 10px/13px system-ui, "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif;
  padding: 0 3px; border-radius: 3px; background: #ffffff; border: 1px solid #cbd5e1; color: #334155; }
.trend.up { color: #b45309; border-color: rgba(180, 83, 9, 0.45); }
.trend.down { color: #1d4ed8; border-color: rgba(29, 78, 216, 0.45); }
.mark.error { border: 2px solid ${COLORS.error}; background: rgba(198, 40, 40, 0.05); }
.mark.warning { border: 2px dashed ${COLORS.warning}; background: rgba(217, 119, 6, 0.05); }
.mark.info { border: 2px dotted ${COLORS.info}; }
/* A possible misreading (basis 'reading'), not a document error: a thin grey dashed frame, a "?" badge. */
.mark.reading { border: 1.5px dashed ${COLORS.reading}; background: repeating-linear-gradient(135deg, rgba(100, 116, 139, 0.08) 0 4px, transparent 4px 8px); }
.related { border: 2px solid ${COLORS.related}; background: rgba(14, 116, 144, 0.10); }
.mark.flash, .related.flash { animation: flash 0.6s ease-in-out 4; }
@keyframes flash { 50% { box-shadow: 0 0 0 6px rgba(250, 204, 21, 0.75); background: rgba(250, 204, 21, 0.35); } }
@media (prefers-reduced-motion: reduce) { .mark.flash, .related.flash { animation: none; box-shadow: 0 0 0 4px rgba(250, 204, 21, 0.8); } }

.badge { position: absolute; left: 0; top: 0; width: 18px; height: 18px; padding: 0; margin: 0;
  display: grid; place-items: center; border-radius: 50%; border: 1.5px solid #fff; cursor: help;
  font: 700 11px/1 system-ui, sans-serif; color: #fff; pointer-events: auto;
  box-shadow: 0 1px 3px rgba(0, 0, 0, 0.35); }
.badge.error { background: ${COLORS.error}; }
.badge.warning { background: ${COLORS.warning}; border-radius: 3px; }
.badge.info { background: ${COLORS.info}; font-style: italic; font-family: Georgia, serif; }
.badge.reading { background: #fff; color: ${COLORS.reading}; border: 1.5px dashed ${COLORS.reading}; border-radius: 3px; }
.badge:focus-visible { outline: 3px solid #111827; outline-offset: 1px; }
.badge:hover { transform: scale(1.12); }

.chip { position: absolute; left: 0; top: 0; pointer-events: auto; white-space: nowrap;
  display: inline-flex; align-items: center; gap: 6px; padding: 1px 8px 1px 6px; border-radius: 999px;
  background: #fff; border: 1px solid #d1d5db; box-shadow: 0 1px 2px rgba(0, 0, 0, 0.12);
  font-size: 12px; line-height: 18px; color: #374151; }
.chip .dot { width: 8px; height: 8px; border-radius: 50%; background: #15803d; flex: none; }
.chip.error { border-color: rgba(198, 40, 40, 0.5); color: ${COLORS.error}; }
.chip.error .dot { background: ${COLORS.error}; }
.chip.warning { border-color: rgba(180, 83, 9, 0.5); color: ${COLORS.warning}; }
.chip.warning .dot { background: ${COLORS.warning}; }
.chip.info { color: ${COLORS.info}; }
.chip.info .dot { background: ${COLORS.info}; }

.tip { position: absolute; left: 0; top: 0; width: max-content; max-width: min(380px, 90vw);
  pointer-events: none; background: #fff; color: #111827; border-radius: 6px;
  border: 1px solid #e5e7eb; box-shadow: 0 6px 24px rgba(0, 0, 0, 0.18); padding: 8px 10px; font-size: 13px; line-height: 1.55; }
.tip .item + .item { margin-top: 8px; padding-top: 8px; border-top: 1px solid #f3f4f6; }
.tip .head { display: flex; align-items: center; gap: 6px; font-weight: 600; font-size: 12px; }
.tip .sev { display: inline-grid; place-items: center; width: 16px; height: 16px; border-radius: 50%;
  color: #fff; font: 700 10px/1 system-ui, sans-serif; }
.tip .error .sev { background: ${COLORS.error}; } .tip .error .head { color: ${COLORS.error}; }
.tip .warning .sev { background: ${COLORS.warning}; border-radius: 3px; } .tip .warning .head { color: ${COLORS.warning}; }
.tip .info .sev { background: ${COLORS.info}; } .tip .info .head { color: ${COLORS.info}; }
.tip .reading .sev { background: #fff; color: ${COLORS.reading}; border: 1px dashed ${COLORS.reading}; } .tip .reading .head { color: ${COLORS.reading}; }
.tip .msg { margin-top: 2px; word-break: break-word; }
.tip .figures { margin-top: 2px; color: #4b5563; font-variant-numeric: tabular-nums; }
.tip .rel { margin-top: 4px; color: #4b5563; }
.tip .rel b { font-weight: 600; color: ${COLORS.related}; }
.tip .hint { margin-top: 4px; font-size: 11px; color: #6b7280; }
`;

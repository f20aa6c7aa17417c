/**
 * getDocument parameters shared by the viewer and Node. Chinese PDFs use predefined CMaps
 * (UniGB-UCS2-H, GBK-EUC-H) and non-embedded standard fonts: without these URLs pdf.js drops
 * their glyphs silently (research-pdftables §4.2). Eval stays off: PDFs are untrusted.
 */
export function pdfjsDocumentParams(assets: { cMapUrl: string; standardFontDataUrl: string }) {
  return {
    cMapUrl: assets.cMapUrl,
    cMapPacked: true,
    standardFontDataUrl: assets.standardFontDataUrl,
    isEvalSupported: false,
    disableFontFace: false,
    verbosity: 0,
  } as const;
}

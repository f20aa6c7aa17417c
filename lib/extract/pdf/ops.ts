import type { OpCodes } from './rulings';

/**
 * pdf.js operator codes used by the walk. They have been stable since pdf.js 2.x; a unit test
 * compares them with the installed pdfjs-dist's OPS, so a version bump that moves them fails loudly.
 */
export const PDF_OPS: OpCodes & { paintImageXObject: number; paintInlineImageXObject: number; paintImageMaskXObject: number } = {
  save: 10,
  restore: 11,
  transform: 12,
  moveTo: 13,
  lineTo: 14,
  curveTo: 15,
  curveTo2: 16,
  curveTo3: 17,
  closePath: 18,
  rectangle: 19,
  stroke: 20,
  closeStroke: 21,
  fill: 22,
  eoFill: 23,
  fillStroke: 24,
  eoFillStroke: 25,
  closeFillStroke: 26,
  closeEOFillStroke: 27,
  endPath: 28,
  setFillRGBColor: 59,
  setStrokeRGBColor: 58,
  paintImageMaskXObject: 83,
  paintImageXObject: 85,
  paintInlineImageXObject: 86,
  paintFormXObjectBegin: 74,
  paintFormXObjectEnd: 75,
  constructPath: 91,
};

import { describe, expect, it } from 'vitest';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { rulesOf, type Matrix } from '../../../../lib/extract/pdf/rulings';
import { PDF_OPS } from '../../../../lib/extract/pdf/ops';

const O = PDF_OPS;
// A4 portrait viewport at scale 1: flips y so that the top of the page is 0.
const FLIP: Matrix = [1, 0, 0, -1, 0, 842];
const rect = (x: number, y: number, w: number, h: number) => new Float32Array([0, x, y, 1, x + w, y, 1, x + w, y + h, 1, x, y + h, 4]);

describe('rulesOf', () => {
  it('uses the operator codes of the pinned pdfjs-dist', () => {
    expect(pdfjs.version).toBe('5.6.205');
    for (const [name, code] of Object.entries(O)) expect((pdfjs.OPS as Record<string, number>)[name], name).toBe(code);
  });

  it('reads thin filled rectangles as rules and flips to top-left coordinates', () => {
    const list = { fnArray: [O.constructPath, O.constructPath], argsArray: [[O.fill, [rect(50, 700, 200, 0.5)], null], [O.eoFill, [rect(50, 600, 0.5, 100.5)], null]] };
    const rules = rulesOf(list, FLIP, O);
    expect(rules).toHaveLength(2);
    expect(rules[0]).toMatchObject({ dir: 'h', a: 50, b: 250 });
    expect(rules[0]!.at).toBeCloseTo(842 - 700.25);
    expect(rules[1]).toMatchObject({ dir: 'v' });
    expect(rules[1]!.a).toBeCloseTo(842 - 700.5);
  });

  it('tracks transforms across save and restore', () => {
    const line = new Float32Array([0, 0, 0, 1, 100, 0]);
    const list = {
      fnArray: [O.save, O.transform, O.constructPath, O.restore, O.constructPath],
      argsArray: [null, [2, 0, 0, 2, 10, 10], [O.stroke, [line], null], null, [O.stroke, [line], null]],
    };
    const rules = rulesOf(list, [1, 0, 0, 1, 0, 0], O);
    expect(rules.map((r) => [r.a, r.b, r.at])).toEqual([[10, 210, 10], [0, 100, 0]]);
  });

  it('ignores clip-only paths, white fills and diagonal strokes', () => {
    const list = {
      fnArray: [O.constructPath, O.setFillRGBColor, O.constructPath, O.constructPath],
      argsArray: [
        [O.endPath, [rect(0, 0, 500, 0.5)], null],
        ['#ffffff'],
        [O.fill, [rect(0, 0, 500, 0.5)], null],
        [O.stroke, [new Float32Array([0, 0, 0, 1, 100, 100])], null],
      ],
    };
    expect(rulesOf(list, FLIP, O)).toEqual([]);
  });

  it('turns the sides of a shaded cell into four rules', () => {
    const list = { fnArray: [O.setFillRGBColor, O.constructPath], argsArray: [['#d9d9d9'], [O.fill, [rect(10, 10, 100, 20)], null]] };
    expect(rulesOf(list, [1, 0, 0, 1, 0, 0], O).map((r) => r.dir).sort()).toEqual(['h', 'h', 'v', 'v']);
  });

  it('decodes the pdf.js ≤ 5.0 layout (ops and args, paint op after)', () => {
    const list = { fnArray: [O.constructPath, O.stroke], argsArray: [[[O.moveTo, O.lineTo, O.rectangle], [0, 5, 80, 5, 0, 20, 60, 0.4], null], null] };
    const rules = rulesOf(list, [1, 0, 0, 1, 0, 0], O);
    expect(rules.filter((r) => r.dir === 'h').map((r) => r.b)).toContain(80);
  });

  it('gives no rules for a buffer in an unknown format rather than wrong ones', () => {
    const list = { fnArray: [O.constructPath], argsArray: [[O.stroke, [new Float32Array([9, 1, 2])], null]] };
    expect(rulesOf(list, FLIP, O)).toEqual([]);
  });
});

/**
 * Ruling lines from a pdf.js operator list. Table borders arrive as stroked segments, thin filled
 * rectangles (Skia, WPS) or the sides of shaded cells, always in the user space of the moment, so
 * the walk tracks the transform stack (save/restore/transform, form XObjects).
 *
 * pdf.js changed the path format twice (research-pdftables §2.3): ≥ 5.1 buffers a path into one
 * `constructPath` whose args are [paintOp, [Float32Array of DrawOPS codes], minMax]; ≤ 5.0 used
 * [[ops], [args], minMax] with the paint op as the next entry. DrawOPS is not exported and its
 * closePath code moved in 5.4.x, so both layouts are decoded here, keyed by the shape of the args.
 */

export type Matrix = [number, number, number, number, number, number];

/** A horizontal or vertical rule in top-left page coordinates (points at scale 1). */
export interface Rule {
  /** 'h': from (a, at) to (b, at); 'v': from (at, a) to (at, b). a < b. */
  dir: 'h' | 'v';
  at: number;
  a: number;
  b: number;
}

/** The operator codes this walk needs, passed in so the module does not import pdf.js. */
export interface OpCodes {
  save: number;
  restore: number;
  transform: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  constructPath: number;
  setFillRGBColor: number;
  setStrokeRGBColor: number;
  moveTo: number;
  lineTo: number;
  curveTo: number;
  curveTo2: number;
  curveTo3: number;
  closePath: number;
  rectangle: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
  endPath: number;
}

export interface OperatorListLike {
  fnArray: ArrayLike<number>;
  argsArray: ArrayLike<unknown>;
}

/** The pdf.js ≥ 5.4.624 DrawOPS codes (5.6.205 is pinned; see the module comment). */
const DRAW = { moveTo: 0, lineTo: 1, curveTo: 2, quadraticCurveTo: 3, closePath: 4 } as const;

/** Filled rectangles at most this thick (points) are rules; thicker ones are shaded cells. */
const THIN = 2.5;
/** Segments shorter than this are glyph parts or ticks, not borders. */
const MIN_LENGTH = 2;
/** Coordinates this close count as axis-aligned. */
const AXIS = 0.75;
/** More segments than this on one page is artwork (maps, charts), not a table grid. */
const MAX_SEGMENTS = 20000;

export function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

function isArrayLike(value: unknown): value is ArrayLike<number> {
  return ArrayBuffer.isView(value) || Array.isArray(value);
}

function isMatrix(value: unknown): value is Matrix {
  return isArrayLike(value) && value.length === 6 && Array.from(value).every(Number.isFinite);
}

/** White (or near-white) fills paint cell backgrounds; their sides are not rules. */
function isWhite(hex: unknown): boolean {
  if (typeof hex !== 'string' || !/^#[0-9a-f]{6}$/i.test(hex)) return false;
  const n = Number.parseInt(hex.slice(1), 16);
  return (n >> 16 & 255) > 240 && (n >> 8 & 255) > 240 && (n & 255) > 240;
}

type Point = [number, number];
type Subpath = Point[];

/** Decodes one ≥ 5.1 path buffer into subpaths of device points (curves kept as their end points). */
function decodeBuffer(data: ArrayLike<number>, ctm: Matrix): Subpath[] {
  const paths: Subpath[] = [];
  let current: Subpath = [];
  let i = 0;
  while (i < data.length) {
    const op = data[i++]!;
    if (op === DRAW.moveTo) {
      if (current.length > 1) paths.push(current);
      current = [apply(ctm, data[i]!, data[i + 1]!)];
      i += 2;
    } else if (op === DRAW.lineTo) {
      current.push(apply(ctm, data[i]!, data[i + 1]!));
      i += 2;
    } else if (op === DRAW.curveTo) {
      // A curve breaks straightness: start a new run at its end point.
      if (current.length > 1) paths.push(current);
      current = [apply(ctm, data[i + 4]!, data[i + 5]!)];
      i += 6;
    } else if (op === DRAW.quadraticCurveTo) {
      if (current.length > 1) paths.push(current);
      current = [apply(ctm, data[i + 2]!, data[i + 3]!)];
      i += 4;
    } else if (op === DRAW.closePath) {
      if (current.length > 1) current.push(current[0]!);
      if (current.length > 1) paths.push(current);
      current = current.length ? [current[current.length - 1]!] : [];
    } else {
      return []; // unknown code: a format this adapter does not know; no rules rather than wrong ones
    }
  }
  if (current.length > 1) paths.push(current);
  return paths;
}

/** Decodes a ≤ 5.0 constructPath ([ops], [args]) into subpaths. */
function decodeLegacy(ops: ArrayLike<number>, args: ArrayLike<number>, ctm: Matrix, codes: OpCodes): Subpath[] {
  const paths: Subpath[] = [];
  let current: Subpath = [];
  let j = 0;
  for (let k = 0; k < ops.length; k += 1) {
    const op = ops[k]!;
    if (op === codes.moveTo) {
      if (current.length > 1) paths.push(current);
      current = [apply(ctm, args[j]!, args[j + 1]!)];
      j += 2;
    } else if (op === codes.lineTo) {
      current.push(apply(ctm, args[j]!, args[j + 1]!));
      j += 2;
    } else if (op === codes.rectangle) {
      if (current.length > 1) paths.push(current);
      const [x, y, w, h] = [args[j]!, args[j + 1]!, args[j + 2]!, args[j + 3]!];
      paths.push([apply(ctm, x, y), apply(ctm, x + w, y), apply(ctm, x + w, y + h), apply(ctm, x, y + h), apply(ctm, x, y)]);
      current = [];
      j += 4;
    } else if (op === codes.curveTo) {
      if (current.length > 1) paths.push(current);
      current = [apply(ctm, args[j + 4]!, args[j + 5]!)];
      j += 6;
    } else if (op === codes.curveTo2 || op === codes.curveTo3) {
      if (current.length > 1) paths.push(current);
      current = [apply(ctm, args[j + 2]!, args[j + 3]!)];
      j += 4;
    } else if (op === codes.closePath) {
      if (current.length > 1) current.push(current[0]!);
      if (current.length > 1) paths.push(current);
      current = current.length ? [current[current.length - 1]!] : [];
    } else {
      return [];
    }
  }
  if (current.length > 1) paths.push(current);
  return paths;
}

function segmentRule(p: Point, q: Point): Rule | null {
  if (Math.abs(p[1] - q[1]) <= AXIS) {
    const a = Math.min(p[0], q[0]);
    const b = Math.max(p[0], q[0]);
    return b - a >= MIN_LENGTH ? { dir: 'h', at: (p[1] + q[1]) / 2, a, b } : null;
  }
  if (Math.abs(p[0] - q[0]) <= AXIS) {
    const a = Math.min(p[1], q[1]);
    const b = Math.max(p[1], q[1]);
    return b - a >= MIN_LENGTH ? { dir: 'v', at: (p[0] + q[0]) / 2, a, b } : null;
  }
  return null;
}

/** An axis-aligned rectangle, if the subpath is one (4 corners, optionally closed). */
function asRectangle(path: Subpath): { x0: number; y0: number; x1: number; y1: number } | null {
  const pts = path.length === 5 && Math.abs(path[0]![0] - path[4]![0]) < AXIS && Math.abs(path[0]![1] - path[4]![1]) < AXIS ? path.slice(0, 4) : path;
  if (pts.length !== 4) return null;
  for (let i = 0; i < 4; i += 1) if (!isAxisAligned(pts[i]!, pts[(i + 1) % 4]!)) return null;
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

function isAxisAligned(p: Point, q: Point): boolean {
  return Math.abs(p[0] - q[0]) <= AXIS || Math.abs(p[1] - q[1]) <= AXIS;
}

function rulesOfFill(path: Subpath, out: Rule[]): void {
  const rect = asRectangle(path);
  if (!rect) return;
  const w = rect.x1 - rect.x0;
  const h = rect.y1 - rect.y0;
  if (h <= THIN && w >= MIN_LENGTH) out.push({ dir: 'h', at: (rect.y0 + rect.y1) / 2, a: rect.x0, b: rect.x1 });
  else if (w <= THIN && h >= MIN_LENGTH) out.push({ dir: 'v', at: (rect.x0 + rect.x1) / 2, a: rect.y0, b: rect.y1 });
  else if (w > THIN && h > THIN) {
    out.push({ dir: 'h', at: rect.y0, a: rect.x0, b: rect.x1 }, { dir: 'h', at: rect.y1, a: rect.x0, b: rect.x1 });
    out.push({ dir: 'v', at: rect.x0, a: rect.y0, b: rect.y1 }, { dir: 'v', at: rect.x1, a: rect.y0, b: rect.y1 });
  }
}

function rulesOfStroke(path: Subpath, out: Rule[]): void {
  for (let i = 1; i < path.length; i += 1) {
    const rule = segmentRule(path[i - 1]!, path[i]!);
    if (rule) out.push(rule);
  }
}

/**
 * All rules of one page. `base` maps PDF user space to top-left page coordinates (pdf.js's
 * viewport transform at scale 1). Clip-only paths (endPath) and white fills are ignored.
 */
export function rulesOf(list: OperatorListLike, base: Matrix, codes: OpCodes): Rule[] {
  const rules: Rule[] = [];
  const stack: { ctm: Matrix; fill: unknown }[] = [];
  let ctm: Matrix = base;
  let fill: unknown = '#000000';
  const { fnArray, argsArray } = list;
  const strokeOps = new Set([codes.stroke, codes.closeStroke]);
  const fillOps = new Set([codes.fill, codes.eoFill]);
  const bothOps = new Set([codes.fillStroke, codes.eoFillStroke, codes.closeFillStroke, codes.closeEOFillStroke]);
  const paint = (paintOp: number, paths: Subpath[]) => {
    if (strokeOps.has(paintOp) || bothOps.has(paintOp)) for (const path of paths) rulesOfStroke(path, rules);
    else if (fillOps.has(paintOp) && !isWhite(fill)) for (const path of paths) rulesOfFill(path, rules);
  };
  let pendingLegacy: Subpath[] | null = null;

  for (let i = 0; i < fnArray.length && rules.length < MAX_SEGMENTS; i += 1) {
    const fn = fnArray[i]!;
    const args = argsArray[i] as unknown[] | null;
    if (pendingLegacy && fn !== codes.constructPath) {
      paint(fn, pendingLegacy);
      pendingLegacy = null;
    }
    if (fn === codes.save) stack.push({ ctm, fill });
    else if (fn === codes.restore) {
      const top = stack.pop();
      if (top) ({ ctm, fill } = top);
    } else if (fn === codes.transform) {
      if (isMatrix(args)) ctm = multiply(ctm, Array.from(args) as Matrix);
    } else if (fn === codes.paintFormXObjectBegin) {
      stack.push({ ctm, fill });
      const m = args?.[0];
      if (isMatrix(m)) ctm = multiply(ctm, Array.from(m) as Matrix);
    } else if (fn === codes.paintFormXObjectEnd) {
      const top = stack.pop();
      if (top) ({ ctm, fill } = top);
    } else if (fn === codes.setFillRGBColor) {
      fill = args?.[0];
    } else if (fn === codes.constructPath && Array.isArray(args)) {
      if (typeof args[0] === 'number' && Array.isArray(args[1])) {
        const data = args[1][0];
        if (args[0] !== codes.endPath && isArrayLike(data)) paint(args[0], decodeBuffer(data, ctm));
      } else if (isArrayLike(args[0]) && isArrayLike(args[1])) {
        pendingLegacy = [...(pendingLegacy ?? []), ...decodeLegacy(args[0] as ArrayLike<number>, args[1] as ArrayLike<number>, ctm, codes)];
      }
    }
  }
  return rules;
}

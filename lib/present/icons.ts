import type { Severity } from '../engine/report/schema';

/**
 * Icons as SVG paths (16×16, drawn with currentColor): emoji and symbol fonts are missing on many
 * Linux office machines, SVG draws the same everywhere. One set for the DOM and for Preact.
 */

export type IconName =
  | 'error'
  | 'warning'
  | 'info'
  | 'check'
  | 'copy'
  | 'link'
  | 'dismiss'
  | 'misread'
  | 'prev'
  | 'next'
  | 'close'
  | 'up'
  | 'down'
  | 'export'
  | 'settings'
  | 'help'
  | 'search'
  | 'lock'
  | 'pause'
  | 'file'
  | 'hourglass';

interface IconShape {
  d: string;
  /** Filled shapes (triangles); the rest are strokes. */
  fill?: boolean;
}

export const ICONS: Record<IconName, IconShape> = {
  error: { d: 'M5 5l6 6M11 5l-6 6' },
  warning: { d: 'M8 3.5v5.5M8 12v.5' },
  info: { d: 'M8 7.5v5M8 4v.5' },
  check: { d: 'M3.5 8.5l3 3 6-7' },
  copy: { d: 'M5.5 5.5h7v8h-7zM3.5 10.5v-8h7' },
  link: { d: 'M7 9l2-2M6.2 6.3L4.6 7.9a2.2 2.2 0 003.1 3.1l1.6-1.6M9.8 9.7l1.6-1.6a2.2 2.2 0 00-3.1-3.1L6.7 6.6' },
  dismiss: { d: 'M3 8h10' },
  misread: { d: 'M4 13.5v-11M4 3h7.5l-1.8 2.5L11.5 8H4' },
  prev: { d: 'M10 3.5L5.5 8l4.5 4.5' },
  next: { d: 'M6 3.5L10.5 8 6 12.5' },
  close: { d: 'M4 4l8 8M12 4l-8 8' },
  up: { d: 'M8 3.5l5 8H3z', fill: true },
  down: { d: 'M8 12.5l-5-8h10z', fill: true },
  export: { d: 'M8 2.5v8M4.5 7L8 10.5 11.5 7M3 13.5h10' },
  settings: { d: 'M8 5.5a2.5 2.5 0 110 5 2.5 2.5 0 010-5zM8 1.5v2M8 12.5v2M1.5 8h2M12.5 8h2M3.4 3.4l1.4 1.4M11.2 11.2l1.4 1.4M3.4 12.6l1.4-1.4M11.2 4.8l1.4-1.4' },
  help: { d: 'M6 6a2 2 0 113 1.7c-.6.4-1 .8-1 1.5v.3M8 12v.5' },
  search: { d: 'M7 3a4 4 0 110 8 4 4 0 010-8zM10 10l3.5 3.5' },
  lock: { d: 'M4.5 7.5h7v6h-7zM6 7.5V5.5a2 2 0 014 0v2' },
  pause: { d: 'M6 4v8M10 4v8' },
  file: { d: 'M4 1.5h5l3 3v10H4zM9 1.5v3h3' },
  hourglass: { d: 'M4.5 2h7M4.5 14h7M5 2c0 3 6 3 6 6s-6 3-6 6M11 2c0 3-6 3-6 6s6 3 6 6' },
};

export const SEVERITY_ICON: Record<Severity, IconName> = { error: 'error', warning: 'warning', info: 'info' };

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An icon as a DOM node (hidden from screen readers: its button carries the words). */
export function svgIcon(doc: Document, name: IconName, className = 'icon'): SVGSVGElement {
  const shape = ICONS[name];
  const svg = doc.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('class', className);
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const path = doc.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', shape.d);
  if (shape.fill) {
    path.setAttribute('fill', 'currentColor');
  } else {
    path.setAttribute('fill', 'none');
    path.setAttribute('stroke', 'currentColor');
    path.setAttribute('stroke-width', '1.8');
    path.setAttribute('stroke-linecap', 'round');
    path.setAttribute('stroke-linejoin', 'round');
  }
  svg.append(path);
  return svg;
}

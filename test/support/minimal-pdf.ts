/**
 * A valid one-page PDF written by hand (Helvetica, ASCII text lines, optional ruled grid), for
 * tests that need a real PDF without a browser to print one. Offsets in the xref are computed.
 */
export function minimalPdf(
  lines: string[],
  grid?: { x: number; y: number; cols: number[]; rows: number[] },
  texts: Array<[x: number, y: number, text: string]> = [],
): Uint8Array {
  const escape = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);
  let content = 'BT /F1 12 Tf 72 770 Td 14 TL\n';
  for (const line of lines) content += `(${escape(line)}) Tj T*\n`;
  for (const [x, y, text] of texts) content += `1 0 0 1 ${x} ${y} Tm (${escape(text)}) Tj\n`;
  content += 'ET\n';
  if (grid) {
    const width = grid.cols.reduce((a, b) => a + b, 0);
    const height = grid.rows.reduce((a, b) => a + b, 0);
    let y = grid.y;
    for (const h of [0, ...grid.rows]) {
      y -= h;
      content += `${grid.x} ${y} ${width} 0.5 re f\n`;
    }
    let x = grid.x;
    for (const w of [0, ...grid.cols]) {
      x += w;
      content += `${x} ${grid.y - height} 0.5 ${height} re f\n`;
    }
  }
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${content.length} >>\nstream\n${content}endstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

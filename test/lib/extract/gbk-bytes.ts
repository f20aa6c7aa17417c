/**
 * A GBK encoder for tests. Node has only GBK decoders, so the table is built by decoding every
 * two-byte GBK sequence once and inverting it (about 22,000 code points, a few milliseconds).
 */
let table: Map<string, [number, number]> | null = null;

function encoderTable(): Map<string, [number, number]> {
  if (table) return table;
  table = new Map();
  const decoder = new TextDecoder('gbk');
  for (let lead = 0x81; lead <= 0xfe; lead += 1) {
    for (let trail = 0x40; trail <= 0xfe; trail += 1) {
      if (trail === 0x7f) continue;
      const char = decoder.decode(new Uint8Array([lead, trail]));
      if (char.length === 1 && char !== '\ufffd' && !table.has(char)) table.set(char, [lead, trail]);
    }
  }
  return table;
}

export function encodeGbk(text: string): Uint8Array {
  const codes = encoderTable();
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) {
      bytes.push(code);
      continue;
    }
    const pair = codes.get(char);
    if (!pair) throw new Error(`not in GBK: ${char}`);
    bytes.push(pair[0], pair[1]);
  }
  return new Uint8Array(bytes);
}

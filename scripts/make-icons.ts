// Renders the Budget Lens icon (a lens over a small table with one red cell) to PNGs with headless Chromium: npx tsx scripts/make-icons.ts
import { chromium } from 'playwright-core';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 128 128">
  <rect x="6" y="14" width="92" height="84" rx="10" fill="#ffffff" stroke="#1f2937" stroke-width="7"/>
  <path d="M6 42h92M6 70h92M40 14v84M70 14v84" stroke="#1f2937" stroke-width="5"/>
  <rect x="43" y="45" width="24" height="22" fill="#c62828"/>
  <circle cx="76" cy="76" r="30" fill="rgba(255,255,255,0.55)" stroke="#1f2937" stroke-width="9"/>
  <path d="M98 98l22 22" stroke="#1f2937" stroke-width="13" stroke-linecap="round"/>
</svg>`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
const page = await browser.newPage();
for (const size of [16, 32, 48, 128]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
  await page.screenshot({ path: join(root, `public/icon/${size}.png`), omitBackground: true });
}
await browser.close();

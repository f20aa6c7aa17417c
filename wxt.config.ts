import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

/**
 * pdf.js needs its CMaps (Chinese text vanishes without them), standard fonts, and the image
 * decoders for JPEG 2000 / JBIG2 scans (wasm, with a JS fallback) as files the viewer can fetch:
 * copied from node_modules into the build at `pdfjs/…`, never committed.
 */
const PDFJS_ASSET_DIRS = ['cmaps', 'standard_fonts', 'wasm'] as const;
const pdfjsRoot = fileURLToPath(new URL('./node_modules/pdfjs-dist', import.meta.url));

// See https://wxt.dev/api/config.html
export default defineConfig({
  manifestVersion: 3,
  // `npm run dev` as root (containers, CI machines) needs Chromium without its sandbox, which root cannot use.
  webExt: process.getuid?.() === 0 ? { chromiumArgs: ['--no-sandbox'] } : {},
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      for (const dir of PDFJS_ASSET_DIRS) {
        for (const name of readdirSync(join(pdfjsRoot, dir))) {
          files.push({ absoluteSrc: join(pdfjsRoot, dir, name), relativeDest: `pdfjs/${dir}/${name}` });
        }
      }
    },
  },
  manifest: ({ browser }) => ({
    name: '预算透镜 Budget Lens',
    description: '核对政府部门预算、决算公开表格与说明的勾稽关系，在页面上标出不相符的数字。',
    permissions: [
      'storage',
      'activeTab',
      'scripting',
      // "用预算透镜打开" on links.
      'contextMenus',
      // PDFs on portal hosts open in the viewer: response-header rules in Chrome, blocking webRequest in Firefox.
      ...(browser === 'firefox' ? ['webRequest', 'webRequestBlocking'] : ['declarativeNetRequestWithHostAccess']),
    ],
    host_permissions: ['*://*.gov.cn/*'],
    // Extra portal hosts the user adds; requested from the popup, registered by the background.
    optional_host_permissions: ['<all_urls>'],
    action: { default_title: '预算透镜' },
    // pdf.js decodes JPEG 2000 and JBIG2 images (scanned disclosures) with WebAssembly; nothing else
    // is relaxed. No page may frame an extension page (a framed viewer's popup would act on the wrong tab).
    content_security_policy: { extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'; frame-ancestors 'none';" },
    // The viewer is the target of redirected navigations, which requires it to be web-accessible.
    // Chrome: only under the per-session dynamic id, so no page can find, frame or drive it (or
    // fingerprint the extension by it). Firefox's moz-extension:// ids are random per install already.
    web_accessible_resources: [{ resources: ['viewer.html'], matches: ['<all_urls>'], ...(browser === 'firefox' ? {} : { use_dynamic_url: true }) }],
    // The content script (an unlisted script, see entrypoints/page-checker.ts), on portal pages.
    content_scripts: [{ matches: ['*://*.gov.cn/*'], js: ['page-checker.js'], run_at: 'document_idle' }],
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'budget-lens@example.org', strict_min_version: '128.0', data_collection_permissions: { required: ['none'] } } } }
      : {}),
  }),
});

/**
 * Builds the command line (lib/cli) into plain JavaScript under dist/cli/, so that
 * bin/budget-lens.mjs starts without compiling anything: run by `npm install` (postinstall) and
 * `npm run build:cli`, and by the launcher itself when the build is missing or older than a
 * source file.
 *
 * - Two entries, main.mjs (the command line) and worker.mjs (a worker thread of `check`), split
 *   into chunks that load on demand: `--version` reads one small file, an HTML page never loads
 *   pdf.js, a PDF never loads linkedom.
 * - pdf.js is bundled too, without the one thing the CLI does not need: the legacy build loads
 *   the native @napi-rs/canvas (33 MB of Skia, ~20 MiB resident, ~30 ms per thread) at import,
 *   only to draw. The patch hands it a stand-in with the three classes it installs; if a
 *   pdfjs-dist upgrade moves that line, the build stops and says so.
 * - No source maps: an error's stack would make Node parse megabytes of map (the CLI prints
 *   one-line errors anyway).
 * - Each build goes to its own folder (dist/cli/<id>/) and dist/cli/build.json names the current
 *   one, so a rebuild never pulls files from under a running batch; older folders are removed.
 *
 *   node scripts/build-cli.mjs        build now
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const distDir = join(root, 'dist/cli');
const manifestPath = join(distDir, 'build.json');
/** Besides the bundled sources: a dependency change means a rebuild. */
const ALSO_WATCHED = ['package.json', 'package-lock.json', 'scripts/build-cli.mjs'];
const KEEP_OLD_BUILDS_MS = 60 * 60 * 1000;

/** The import-time require (a second one, in NodeCanvasFactory, runs only when rendering). */
const CANVAS_REQUIRE = '{\n      canvas = require("@napi-rs/canvas");';
const CANVAS_STAND_IN =
  '{\n      canvas = { DOMMatrix: class DOMMatrix { a = 1; b = 0; c = 0; d = 1; e = 0; f = 0; }, ImageData: class ImageData {}, Path2D: class Path2D {} }; /* budget-lens: no canvas in the CLI (scripts/build-cli.mjs) */';

/** The current build's entry, or null when there is none or a source is newer. */
export function currentBuild() {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  } catch {
    return null;
  }
  for (const file of manifest.inputs) {
    try {
      if (statSync(join(root, file)).mtimeMs > manifest.builtAt) return null;
    } catch {
      return null;
    }
  }
  return { main: join(distDir, manifest.id, 'main.mjs'), worker: join(distDir, manifest.id, 'worker.mjs') };
}

/** The current build, made first when it is missing or older than a source. */
export async function ensureBuilt() {
  return currentBuild() ?? build();
}

/** Builds unless another process is already at it (then waits for its result). */
export async function build() {
  mkdirSync(distDir, { recursive: true });
  const lock = join(distDir, '.building');
  try {
    mkdirSync(lock);
  } catch {
    return waitForOtherBuild(lock);
  }
  try {
    return await buildNow();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

async function waitForOtherBuild(lock) {
  const started = Date.now();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    let held = true;
    try {
      held = statSync(lock).isDirectory();
    } catch {
      held = false;
    }
    const built = currentBuild();
    if (!held && built) return built;
    // A lock left by a killed build: take over.
    if (Date.now() - started > 120_000) {
      rmSync(lock, { recursive: true, force: true });
      return build();
    }
    if (!held) return build();
  }
}

async function buildNow() {
  const esbuild = await import('esbuild');
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const builtAt = Date.now();
  const id = `b${builtAt.toString(36)}${process.pid.toString(36)}`;
  const outdir = join(distDir, id);
  const staging = `${outdir}.partial`;
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: { main: 'lib/cli/main.ts', worker: 'lib/cli/check/worker.ts' },
    outdir: staging,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    sourcemap: false,
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
    define: { 'process.env.BUDGET_LENS_VERSION': JSON.stringify(pkg.version ?? '0.0.0') },
    // CommonJS dependencies (linkedom's optional canvas) call require; ESM output has none of its own.
    banner: { js: "import { createRequire as __budgetLensRequire } from 'node:module'; const require = __budgetLensRequire(import.meta.url);" },
    plugins: [pdfjsWithoutCanvas],
  });
  const inputs = [
    ...Object.keys(result.metafile.inputs).filter((file) => !file.startsWith('node_modules/') && !file.includes('/node_modules/')),
    ...ALSO_WATCHED,
  ];
  renameSync(staging, outdir);
  writeFileSync(`${manifestPath}.tmp${process.pid}`, `${JSON.stringify({ id, builtAt, version: pkg.version, inputs }, null, 1)}\n`);
  renameSync(`${manifestPath}.tmp${process.pid}`, manifestPath);
  removeOldBuilds(id, builtAt);
  return { main: join(outdir, 'main.mjs'), worker: join(outdir, 'worker.mjs') };
}

const pdfjsWithoutCanvas = {
  name: 'pdfjs-without-canvas',
  setup(build) {
    build.onLoad({ filter: /pdfjs-dist[\\/]legacy[\\/]build[\\/]pdf\.mjs$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const found = source.split(CANVAS_REQUIRE).length - 1;
      if (found !== 1) {
        throw new Error(`${relative(root, args.path)}: expected ${JSON.stringify(CANVAS_REQUIRE)} once, found it ${found} times; pdfjs-dist changed, see scripts/build-cli.mjs`);
      }
      return { contents: source.replace(CANVAS_REQUIRE, CANVAS_STAND_IN), loader: 'js', resolveDir: dirname(args.path) };
    });
  },
};

/**
 * Old build folders go once they are an hour old, the two newest kept whatever their age: a
 * batch started on an older build still spawns worker threads from it.
 */
function removeOldBuilds(keep, builtAt) {
  const builds = readdirSync(distDir)
    .filter((name) => /^b[0-9a-z]+(\.partial)?$/.test(name) && name !== keep)
    .map((name) => ({ name, mtime: statSync(join(distDir, name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  builds.forEach(({ name, mtime }, i) => {
    if ((i >= 1 || name.endsWith('.partial')) && builtAt - mtime > KEEP_OLD_BUILDS_MS) rmSync(join(distDir, name), { recursive: true, force: true });
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = performance.now();
  const built = await build();
  console.log(`budget-lens CLI built in ${Math.round(performance.now() - started)} ms: ${relative(root, dirname(built.main))}`);
}

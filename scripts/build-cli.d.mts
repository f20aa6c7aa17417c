/** Types of scripts/build-cli.mjs (plain JavaScript: it runs at npm install, before anything is built). */
export interface CliBuild {
  /** dist/cli/<id>/main.mjs */
  main: string;
  /** dist/cli/<id>/worker.mjs */
  worker: string;
}
export function currentBuild(): CliBuild | null;
export function build(): Promise<CliBuild>;
export function ensureBuilt(): Promise<CliBuild>;

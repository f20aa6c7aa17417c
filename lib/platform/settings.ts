import { z } from 'zod';
import { storage } from 'wxt/utils/storage';

/**
 * The user's settings in storage.local, as one WXT storage item with a version and migrations.
 * Storage outlives builds and can be damaged (an old build, another tool, a half-written value),
 * so every read is repaired field by field: a broken field falls back to its default alone, and
 * the user's sites survive whatever else is wrong.
 */

export const settingsSchema = z.object({
  /** Hosts the user switched off (or on, overriding nothing today): host → enabled. */
  sites: z.record(z.string(), z.boolean()),
  /** Extra hosts (beyond *.gov.cn) where the checker runs by itself, e.g. "czj.example.org". */
  userHosts: z.array(z.string()),
  /** Rounding notes (info) marked on the page. */
  showInfo: z.boolean(),
  /** Text claims that checked out listed in the popup too. */
  showPassed: z.boolean(),
  /** PDFs on portal hosts open in Budget Lens's own viewer (where they can be checked). */
  autoOpenPdf: z.boolean(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({ sites: {}, userHosts: [], showInfo: true, showPassed: false, autoOpenPdf: true });

/** The version written with the settings (storage key `settings$`, WXT's metadata). */
export const SETTINGS_VERSION = 2;
export const SETTINGS_KEY = 'settings';
const MAX_HOSTS = 1_000;

/** A host name as the settings keep it: lower case, no scheme, port, path or leading "*."; null when it is not one. */
export function normaliseHost(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  let host = value.trim().toLowerCase();
  host = host.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/[/?#].*$/, '').replace(/:\d*$/, '').replace(/^\*\./, '').replace(/\.$/, '');
  return host.length > 0 && host.length <= 253 && /^[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(host) ? host : null;
}

function repairSites(raw: unknown): Settings['sites'] {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return {};
  const sites: Settings['sites'] = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>).slice(0, MAX_HOSTS)) {
    const host = normaliseHost(key);
    if (host && typeof value === 'boolean') sites[host] = value;
  }
  return sites;
}

function repairHosts(raw: unknown): string[] {
  if (!Array.isArray(raw)) return [];
  return [...new Set(raw.slice(0, MAX_HOSTS).map(normaliseHost).filter((h): h is string => h !== null && h.includes('.')))];
}

const bool = (raw: unknown, fallback: boolean): boolean => (typeof raw === 'boolean' ? raw : fallback);

/** Whatever storage held → valid settings, keeping every field that is valid on its own. */
export function repairSettings(raw: unknown): Settings {
  const value = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  return {
    sites: repairSites(value.sites),
    userHosts: repairHosts(value.userHosts),
    showInfo: bool(value.showInfo, DEFAULT_SETTINGS.showInfo),
    showPassed: bool(value.showPassed, DEFAULT_SETTINGS.showPassed),
    autoOpenPdf: bool(value.autoOpenPdf, DEFAULT_SETTINGS.autoOpenPdf),
  };
}

/**
 * Migrations, by the version they produce. v1 (no version stored) was validated as a whole and
 * reset entirely when any field was wrong; v2 repairs field by field and keeps hosts normalised.
 */
export const SETTINGS_MIGRATIONS: Record<number, (old: unknown) => Settings> = {
  2: (v1) => repairSettings(v1),
};

export const settingsItem = storage.defineItem<Settings, { v: number }>(`local:${SETTINGS_KEY}`, {
  fallback: DEFAULT_SETTINGS,
  version: SETTINGS_VERSION,
  migrations: SETTINGS_MIGRATIONS,
});

export async function loadSettings(): Promise<Settings> {
  return repairSettings(await settingsItem.getValue());
}

let writes: Promise<unknown> = Promise.resolve();

/** Read-modify-write, serialised within this context so two quick toggles do not undo each other. */
export function updateSettings(change: (settings: Settings) => Settings): Promise<Settings> {
  const run = writes.then(async () => {
    const next = repairSettings(change(await loadSettings()));
    // The version goes along with every write, so what is stored always says what shape it has.
    await Promise.all([settingsItem.setValue(next), settingsItem.setMeta({ v: SETTINGS_VERSION })]);
    return next;
  });
  writes = run.catch(() => {});
  return run;
}

export function watchSettings(onChange: (settings: Settings) => void): () => void {
  return settingsItem.watch((next) => onChange(repairSettings(next)));
}

/** Sites are on unless switched off. */
export function siteEnabled(settings: Settings, host: string): boolean {
  return settings.sites[normaliseHost(host) ?? host] !== false;
}

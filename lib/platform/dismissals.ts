import { storage } from 'wxt/utils/storage';
import { dismissalsSchema, withDismissal, withoutDismissal, type Dismissal } from '../present/dismissals';

/**
 * The dismissed findings, in storage.local (kept across visits, never sent anywhere). Versioned
 * like the settings: a later shape gets a migration, and what is read back is validated.
 */
const item = storage.defineItem<Dismissal[]>('local:dismissals', { fallback: [], version: 1 });

export async function loadDismissals(): Promise<Dismissal[]> {
  const parsed = dismissalsSchema.safeParse(await item.getValue());
  return parsed.success ? parsed.data : [];
}

export async function addDismissal(entry: Dismissal): Promise<void> {
  await item.setValue(withDismissal(await loadDismissals(), entry));
}

export async function removeDismissal(document: string, key: string): Promise<void> {
  await item.setValue(withoutDismissal(await loadDismissals(), document, key));
}

export async function clearDismissals(): Promise<void> {
  await item.setValue([]);
}

export function watchDismissals(onChange: (list: Dismissal[]) => void): () => void {
  return item.watch((next) => {
    const parsed = dismissalsSchema.safeParse(next ?? []);
    onChange(parsed.success ? parsed.data : []);
  });
}

import { storage } from 'wxt/utils/storage';
import { isLang, type Lang } from '../present/i18n';

/** The interface language (Chinese unless the reader chose English), shared by popup, overlay, viewer and options. */
const langItem = storage.defineItem<Lang>('local:lang', { fallback: 'zh', version: 1 });

export async function loadLang(): Promise<Lang> {
  const value = await langItem.getValue();
  return isLang(value) ? value : 'zh';
}

export async function saveLang(lang: Lang): Promise<void> {
  await langItem.setValue(lang);
}

export function watchLang(onChange: (lang: Lang) => void): () => void {
  return langItem.watch((next) => onChange(isLang(next) ? next : 'zh'));
}

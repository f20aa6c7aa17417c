import { sendToTab, type ContentReply } from './messages';
import { injectContentScript } from './scripting';

const RETRIES = 20;
const RETRY_MS = 100;

/**
 * "检查此页": ask the tab's content script to check; when none listens (not a portal host, or
 * the page predates the install), inject it — activeTab from the popup click allows that —
 * and ask again while it starts up.
 */
export async function checkTab(tabId: number): Promise<ContentReply> {
  const first = await sendToTab(tabId, { type: 'check-page' });
  if (first) return first;
  if (!(await injectContentScript(tabId))) return { ok: false, reason: '无法在此页运行（浏览器内部页面或没有权限）' };
  for (let i = 0; i < RETRIES; i++) {
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    const reply = await sendToTab(tabId, { type: 'check-page' });
    if (reply) return reply;
  }
  return { ok: false, reason: '页面没有响应，请刷新后再试' };
}

import { render } from 'preact';
import { PAGE_CSS } from '../../lib/present/styles';
import { App } from './App';
import './style.css';

// The shared look (colour tokens, light and dark, the finding card) before the popup's own layout.
const shared = document.createElement('style');
shared.textContent = PAGE_CSS;
document.head.prepend(shared);

/** `?tab=<id>` targets a given tab instead of the active one (used by the e2e tests). */
const tabParam = new URLSearchParams(location.search).get('tab');
const tabId = tabParam && /^\d+$/.test(tabParam) ? Number(tabParam) : null;

render(<App requestedTabId={tabId} />, document.getElementById('app')!);

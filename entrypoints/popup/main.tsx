import { render } from 'preact';
import { App } from './App';
import './style.css';

/** `?tab=<id>` targets a given tab instead of the active one (used by the e2e tests). */
const tabParam = new URLSearchParams(location.search).get('tab');
const tabId = tabParam && /^\d+$/.test(tabParam) ? Number(tabParam) : null;

render(<App requestedTabId={tabId} />, document.getElementById('app')!);

import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// See https://wxt.dev/api/config.html
export default defineConfig({
  manifestVersion: 3,
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: '预算透镜 Budget Lens',
    description: '核对政府部门预算、决算公开表格与说明的勾稽关系，在页面上标出不相符的数字。',
    permissions: ['storage', 'activeTab', 'scripting'],
    host_permissions: ['*://*.gov.cn/*'],
    // Extra portal hosts the user adds; requested from the popup, registered by the background.
    optional_host_permissions: ['<all_urls>'],
    action: { default_title: '预算透镜' },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'budget-lens@example.org', strict_min_version: '128.0', data_collection_permissions: { required: ['none'] } } } }
      : {}),
  }),
});

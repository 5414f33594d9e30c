import type { SiteAdapter } from './types';

// Placeholder until this site's adapter lands: recognises nothing, so every action passes.
const adapter: SiteAdapter = {
  id: 'threads',
  hosts: ['threads.net', 'threads.com'],
  selectors: {},
  detect: () => null,
};
export default adapter;

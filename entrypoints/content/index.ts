import { defineContentScript } from 'wxt/utils/define-content-script';
import { SUPPORTED_MATCHES } from '@/utils/hosts';

export default defineContentScript({
  matches: [...SUPPORTED_MATCHES],
  runAt: 'document_start',
  main() {},
});

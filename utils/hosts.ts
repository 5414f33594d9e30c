/**
 * The seven supported sites. Content-script matches and host permissions are exactly these,
 * HTTPS only: every one of these sites is HSTS-preloaded, so plain HTTP never reaches them.
 */
export const SUPPORTED_MATCHES = [
  'https://*.facebook.com/*',
  'https://*.instagram.com/*',
  'https://x.com/*',
  'https://*.x.com/*',
  'https://twitter.com/*',
  'https://*.twitter.com/*',
  'https://*.tiktok.com/*',
  'https://*.youtube.com/*',
  'https://*.threads.net/*',
  'https://*.threads.com/*',
  'https://web.whatsapp.com/*',
] as const;

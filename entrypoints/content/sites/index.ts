import type { DefinedSiteAdapter } from './define';
import facebook from './facebook';
import instagram from './instagram';
import threads from './threads';
import tiktok from './tiktok';
import whatsapp from './whatsapp';
import x from './x';
import youtube from './youtube';

/** Every site adapter, one file each. The interception core never names a site. */
export const ADAPTERS: readonly DefinedSiteAdapter[] = [facebook, instagram, x, tiktok, youtube, threads, whatsapp];

/** The adapter for a hostname: exact match, or a suffix after a dot (www.facebook.com → facebook.com). */
export function adapterForHost(hostname: string): DefinedSiteAdapter | undefined {
  const host = hostname.toLowerCase();
  return ADAPTERS.find((a) => a.hosts.some((h) => host === h || host.endsWith(`.${h}`)));
}

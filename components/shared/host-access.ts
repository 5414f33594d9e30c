/** The host access per site as React state, live (utils/host-access.ts). */
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { type HostAccess, readHostAccess } from '@/utils/host-access';

/** The live access per site: read on mount and again whenever access is granted or revoked. */
export function useHostAccess(): HostAccess | null {
  const [access, setAccess] = useState<HostAccess | null>(null);
  useEffect(() => {
    let live = true;
    const load = () => void readHostAccess().then((a) => live && setAccess(a));
    load();
    const events = [browser.permissions?.onAdded, browser.permissions?.onRemoved];
    for (const event of events) {
      try {
        event?.addListener(load);
      } catch {
        /* no permission events here: the status is read once */
      }
    }
    return () => {
      live = false;
      for (const event of events) {
        try {
          event?.removeListener(load);
        } catch {
          /* as above */
        }
      }
    };
  }, []);
  return access;
}


import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import type { Policy } from '@/utils/policy';
import { ENROLMENT_EXPIRY_ALARM, onEnrolmentExpiry, refreshEnrolment, setEnrolmentPolicyListener } from './enrolment';
import { openAccessStepIfMissing } from './host-access';
import { handleMessage } from './messages';
import { policyLoaded, storedPolicy, watchPolicy } from './policy';
import { syncDefaultBundle, watchRegion } from './rules-store';
import { UPDATE_ALARM, onUpdateAlarm, refreshActiveStatus, scheduleUpdates } from './updates';

/**
 * A policy change: new interval, URLs or keys take effect now (and new URLs are checked soon); the
 * active bundle is verified again against the keys trusted now (refreshActiveStatus).
 */
async function onPolicyChange(before: Policy, after: Policy): Promise<void> {
  const sources = (p: Policy) => JSON.stringify([p.updateUrls ?? [], p.trustedPublicKeys ?? [], p.updateSources ?? []]);
  await scheduleUpdates(after, Date.now(), sources(before) !== sources(after) ? 'soon' : 'keep');
  await refreshActiveStatus();
}

export default defineBackground(() => {
  const fail = (what: string) => (e: unknown) => console.error(`Jaga Netral: ${what}`, e);

  // Listeners first and synchronously, so an event that woke the service worker is not missed.
  watchPolicy(onPolicyChange);
  // content scripts' rules are narrowed to the region that applies (rules-store.ts)
  watchRegion();
  setEnrolmentPolicyListener(onPolicyChange);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === UPDATE_ALARM) {
      // The enrolled agency policy is checked on the same alarm as rule bundles (same interval).
      void refreshEnrolment()
        .catch(fail('agency policy check failed'))
        .finally(() => void onUpdateAlarm().catch(fail('rule update failed')));
    }
    if (alarm.name === ENROLMENT_EXPIRY_ALARM) void onEnrolmentExpiry().catch(fail('agency policy expiry'));
  });
  browser.runtime.onMessage.addListener((message, sender) => handleMessage(message, sender));

  const start = () =>
    void (async () => {
      await syncDefaultBundle();
      await policyLoaded(onPolicyChange);
      await refreshActiveStatus();
      await scheduleUpdates(await storedPolicy());
    })().catch(fail('start-up failed'));
  browser.runtime.onInstalled.addListener(start);
  // Sites not allowed at install (Firefox): open the options page at its permission step.
  browser.runtime.onInstalled.addListener((details) => void openAccessStepIfMissing(details).catch(fail('permission step not opened')));
  browser.runtime.onStartup.addListener(start);

  // Every wake-up (not only browser start): know the policy before anything merges rules.
  void policyLoaded(onPolicyChange).catch(fail('policy not read'));
});

/**
 * The stored shape of adapter health (storage item `siteHealth`, utils/storage-items.ts): per site,
 * the counters the content script batches (entrypoints/content/health.ts) and the options page shows.
 */
import * as z from 'zod/mini';

const countsMap = z.record(z.string(), z.number());
const siteHealthSchema = z.object({
  detected: z.number(),
  container: z.number(),
  blind: z.number(),
  byLabel: z.number(),
  unrecognised: z.number(),
  /** photos that went out unchecked (no analysis page, an analysis error or timeout); absent in older data */
  photoUnchecked: z.optional(z.number()),
  /**
   * actions judged by the tab's own rules because the full rule set's verdict they needed (a name the
   * tab set does not hold, rules/full-set-filter.ts) did not come in time; absent in older data
   */
  rulesUnchecked: z.optional(z.number()),
  /** labels of unrecognised action-like controls → presses */
  labels: countsMap,
  /** `action:hook` for detected controls → count (e.g. `like:like`, `like:post`) */
  hooks: countsMap,
  /** the last update, ms since the epoch */
  at: z.number(),
});
export type SiteHealthCounts = z.infer<typeof siteHealthSchema>;
const siteHealthStore = z.record(z.string(), siteHealthSchema);
export type SiteHealth = z.infer<typeof siteHealthStore>;

/** The stored value, validated; anything unreadable starts over (counters are not worth an error). */
export function parseSiteHealth(value: unknown): SiteHealth {
  const parsed = siteHealthStore.safeParse(value);
  return parsed.success ? parsed.data : {};
}

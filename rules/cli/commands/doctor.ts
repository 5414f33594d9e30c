/**
 * `jaga doctor FILE.html --url URL`: which action controls the site adapters recognise in a saved
 * page. The maintainers' tool for when a site changes its markup: save the page (Ctrl+S, "Web page,
 * HTML only" is enough), run doctor, and compare with what the page shows.
 *
 * The page is loaded into happy-dom (`new Window({url})`, page scripts off), the adapter is picked
 * by the URL's hostname, and every element matched by any of the adapter's selectors — plus every
 * editable element (composers) — gets a synthetic event, in document order: a click, and on
 * editables Enter and Ctrl+Enter. Openers are clicked too, so two-step menus map back to their
 * post as they would for a user clicking through. Output: JSON on stdout. Exit code 0 when at
 * least one control was recognised, 1 when none (or the file/host is wrong), 2 on a usage error.
 *
 * Imports are relative (no `@/` alias) so tsx can run it without the WXT build.
 */
import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { adapterForHost } from '../../../entrypoints/content/sites/index.ts';
import { cssPath, queryAllAny, sortInDocumentOrder } from '../../../entrypoints/content/sites/helpers/index.ts';
import { labelledAction } from '../../../entrypoints/content/sites/fallback.ts';
import { emptyCounts, hooksOf, withHealth, type SiteHealthCounts } from '../../../entrypoints/content/health.ts';
import type { DetectedAction, SelectorData, SiteAdapter } from '../../../entrypoints/content/sites/types.ts';
import { parseArgs, usageError } from '../args.ts';

export const summary = 'list the action controls the site adapters recognise in a saved page (FILE.html --url URL) as JSON';

const USAGE = 'usage: jaga doctor FILE.html --url https://x.com/home [--selectors overrides.json]';

export interface DoctorEntry {
  site: string;
  action: string;
  detail?: string;
  /** the event that triggered it: click, Enter, Ctrl+Enter */
  event: string;
  /** the first 200 characters of the content (text, else draft, else quoted) */
  content: string;
  author?: string;
  handle?: string;
  group?: string;
  /** a CSS path to the control */
  control: string;
  /** how the content was read when the adapter's fields were empty: the post container, or blind */
  read?: 'container' | 'blind';
  /** found by its label inside a post, after the adapter's hooks missed */
  byLabel?: true;
  /** the selector hooks the control matched or sits in (`action:hook`): which selector to change */
  hooks: string[];
}

export interface DoctorReport {
  url: string;
  site: string | null;
  /** elements that got an event */
  candidates: number;
  controls: DoctorEntry[];
  /** the same counters the extension keeps per site (options page, "Laporkan masalah situs") */
  health: Omit<SiteHealthCounts, 'at'>;
}

/** typed into empty composers so that Enter / Ctrl+Enter would send something */
const DRAFT = '(jaga doctor draft)';

const EDITABLE = '[contenteditable="true"], [contenteditable=""], textarea, input[type="text"], input:not([type])';

/** Inspect a saved page's HTML as if it were served at `url`. */
export function inspectPage(html: string, url: string, overrides: SelectorData = {}): DoctorReport {
  const host = new URL(url).hostname;
  const adapter = adapterForHost(host);
  if (!adapter) return { url, site: null, candidates: 0, controls: [], health: withoutTime(emptyCounts()) };
  const selectors: SelectorData = { ...adapter.selectors, ...overrides };

  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      navigator: { userAgent: 'jaga-doctor' },
    },
  });
  try {
    const document = window.document as unknown as Document;
    document.write(html);
    const allEntries = Object.values(selectors).flat();
    const matched = queryAllAny(document, allEntries);
    const editables = Array.from(document.querySelectorAll(EDITABLE));
    // controls labelled like an action, for the label layer (and the unrecognised count)
    const labelled = queryAllAny(document, ['button,[role=button],a,input[type=button],input[type=submit]']).filter((el) => labelledAction(el));
    const candidates = sortInDocumentOrder([...new Set([...matched, ...editables, ...labelled])]);
    let health = emptyCounts();
    let clock = 0;
    const timers: (() => void)[] = [];
    const counted = withHealth(adapter, {
      save: (_site, delta) => (health = delta),
      now: () => (clock += 10_000), // every synthetic event is its own press
      setTimer: (fn) => void timers.push(fn),
    });

    const seen = new Set<string>();
    const controls: DoctorEntry[] = [];
    const record = (found: DetectedAction | null, event: string) => {
      if (!found) return;
      const path = cssPath(found.control);
      const key = `${path}|${found.action}|${found.detail ?? ''}|${event === 'click' ? 'click' : 'key'}`;
      if (seen.has(key)) return;
      seen.add(key);
      const c = found.content;
      controls.push({
        site: found.site,
        action: found.action,
        ...(found.detail ? { detail: found.detail } : {}),
        event,
        content: (c.text || c.draft || c.quoted || '').slice(0, 200),
        ...(c.author ? { author: c.author } : {}),
        ...(c.handle ? { handle: c.handle } : {}),
        ...(c.group ? { group: c.group } : {}),
        control: path,
        ...(found.read ? { read: found.read } : {}),
        ...(found.byLabel ? { byLabel: true as const } : {}),
        hooks: hooksOf(found, selectors),
      });
    };

    const editableSet = new Set(editables);
    for (const el of candidates) {
      if (editableSet.has(el)) {
        // an empty composer sends nothing: type a stand-in draft for the test, then restore
        const empty = !(el.textContent ?? '').trim() && !(el as HTMLTextAreaElement).value;
        const before = el.innerHTML;
        if (empty) el.textContent = DRAFT;
        record(fire(window, counted, selectors, el, 'keydown', { key: 'Enter' }), 'Enter');
        record(fire(window, counted, selectors, el, 'keydown', { key: 'Enter', ctrlKey: true }), 'Ctrl+Enter');
        if (empty) el.innerHTML = before;
      } else {
        record(fire(window, counted, selectors, el, 'click', {}), 'click');
      }
    }
    for (const flush of timers.splice(0)) flush();
    return { url, site: adapter.id, candidates: candidates.length, controls, health: withoutTime(health) };
  } finally {
    void window.happyDOM.close();
  }
}

function withoutTime({ at: _at, ...counts }: SiteHealthCounts): Omit<SiteHealthCounts, 'at'> {
  return counts;
}

/** Dispatch one synthetic event and return what the adapter said in the capture phase on window. */
function fire(
  window: Window,
  adapter: SiteAdapter,
  selectors: SelectorData,
  target: Element,
  type: 'click' | 'keydown',
  init: { key?: string; ctrlKey?: boolean },
): DetectedAction | null {
  let found: DetectedAction | null = null;
  const document = window.document as unknown as Document;
  const listener = (e: unknown) => {
    try {
      found = adapter.detect(e as MouseEvent, selectors, document);
    } catch {
      found = null; // adapters must not throw; the core would fail open
    }
  };
  window.addEventListener(type, listener as never, { capture: true });
  try {
    const opts = { bubbles: true, cancelable: true, composed: true, ...init };
    const event = type === 'keydown' ? new window.KeyboardEvent(type, opts) : new window.MouseEvent(type, opts);
    target.dispatchEvent(event as unknown as Event);
  } finally {
    window.removeEventListener(type, listener as never); // happy-dom removes capture listeners too
  }
  return found;
}

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { values: ['url', 'selectors'] });
  if (args.error) return usageError(args.error, USAGE);
  const [file, ...extra] = args.positional;
  const url = args.values.url;
  if (!file || extra.length) return usageError('one FILE.html is required', USAGE);
  if (!url) return usageError('--url URL is required (the page address: it picks the site adapter)', USAGE);
  let parsedUrl: URL;
  try {
    parsedUrl = new URL(url);
  } catch {
    return usageError(`--url is not a URL: ${url}`, USAGE);
  }
  let html: string;
  try {
    html = readFileSync(file, 'utf8');
  } catch (error) {
    process.stderr.write(`jaga doctor: cannot read ${file}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  let overrides: SelectorData = {};
  if (args.values.selectors) {
    try {
      overrides = JSON.parse(readFileSync(args.values.selectors, 'utf8')) as SelectorData;
    } catch (error) {
      process.stderr.write(`jaga doctor: cannot read selector overrides: ${error instanceof Error ? error.message : String(error)}\n`);
      return 1;
    }
  }
  if (!adapterForHost(parsedUrl.hostname)) {
    process.stderr.write(`jaga doctor: no site adapter for host ${parsedUrl.hostname}\n`);
    return 1;
  }
  const report = inspectPage(html, url, overrides);
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  if (report.controls.length === 0) {
    process.stderr.write(`jaga doctor: no action control recognised on ${report.site} (${report.candidates} candidates)\n`);
    return 1;
  }
  return 0;
}

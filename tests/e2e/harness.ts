/**
 * End-to-end harness: the built extension in real Chromium, on fixture pages served over HTTPS
 * under the sites' real hostnames (--host-resolver-rules maps them to a local server), so the
 * content scripts run under their production match patterns.
 *
 * The dialog lives in a closed shadow root, which page scripts (and Playwright's selectors) cannot
 * enter. The harness reads it through the DevTools protocol (DOM.getDocument with pierce) and
 * clicks its buttons with real mouse input, so the dialog's "trusted input only" rule is exercised.
 */
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, vi } from 'vitest';
import { ROOT, SITE_HOSTS, startFixtureServer, type FixtureServer, type Route } from './fixture-server';

// The fixture server moved to fixture-server.ts (shared with the Firefox harness); its exports stay here too.
export { FIXTURES_DIR, HANDLERS_PATH, ROOT, SITE_HOSTS, startFixtureServer, type FixtureServer, type Route } from './fixture-server';

/** The built extension; JAGA_EXTENSION_DIR points at a private copy (e.g. while others rebuild .output). */
export const EXTENSION_DIR = process.env.JAGA_EXTENSION_DIR ?? join(ROOT, '.output/chrome-mv3');

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium'];

export function findChromium(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist`);
    return fromEnv;
  }
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      'No Chromium found. Install one (Debian/Ubuntu: sudo apt-get install -y chromium) or set CHROMIUM_PATH. Tests never download browsers.',
    );
  }
  return found;
}

export interface LaunchOptions {
  server: FixtureServer;
  /** more hostnames to map to the server (e.g. a rule-update host) */
  extraHosts?: string[];
  extensionDir?: string;
  /** show a real window (the demo on a machine with a display) */
  headed?: boolean;
}

export interface Session {
  context: BrowserContext;
  extensionId: string;
  close(): Promise<void>;
}

export async function launch({ server, extraHosts = [], extensionDir = EXTENSION_DIR, headed = false }: LaunchOptions): Promise<Session> {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir}: run "npm run build" first.`);
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'jaga-netral-profile-'));
  const hosts = [...Object.keys(SITE_HOSTS), ...extraHosts];
  const rules = hosts.map((h) => `MAP ${h} 127.0.0.1:${server.port}`).join(',');
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    // Playwright's own headless mode cannot load extensions; new headless can.
    headless: false,
    viewport: { width: 1200, height: 900 },
    args: [
      ...(headed ? [] : ['--headless=new']),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      `--host-resolver-rules=${rules}`,
      '--ignore-certificate-errors',
    ],
  });
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: 15_000 });
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export interface SharedSession {
  /** The file's browser; reading it before the file's beforeAll has run is an error. */
  readonly session: Session;
  readonly server: FixtureServer;
}

/**
 * One browser per test file: starts the fixture server and Chromium in the file's beforeAll (then
 * runs `prepare`, e.g. settings every test of the file assumes) and closes both in its afterAll,
 * also when the launch failed half-way. Call it once at the top level of a test file.
 */
export function sessionForFile(options: Omit<LaunchOptions, 'server'> & { prepare?: (session: Session) => Promise<void> } = {}): SharedSession {
  const { prepare, ...launchOptions } = options;
  let server: FixtureServer | undefined;
  let session: Session | undefined;
  beforeAll(async () => {
    server = await startFixtureServer();
    session = await launch({ ...launchOptions, server });
    await prepare?.(session);
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });
  const started = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`sessionForFile: the ${name} is used before beforeAll started it`);
    return value;
  };
  return {
    get session() {
      return started(session, 'browser session');
    },
    get server() {
      return started(server, 'fixture server');
    },
  };
}

/** Open a fixture page and wait until the extension's rules are loaded into storage. */
export async function openFixture(session: Session, url: string): Promise<Page> {
  const page = await session.context.newPage();
  await waitForEngine(session);
  await page.goto(url);
  return page;
}

export async function waitForEngine(session: Session): Promise<void> {
  const [worker] = session.context.serviceWorkers();
  if (!worker) throw new Error('extension service worker not running');
  await worker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome;
    for (let i = 0; i < 200; i++) {
      const items = await api.storage.local.get('engine');
      if (items.engine) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('rules never loaded');
  });
}

// ---------------------------------------------------------------- the dialog, through CDP

interface CdpNode {
  nodeId: number;
  backendNodeId: number;
  nodeName: string;
  nodeType: number;
  nodeValue?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
  contentDocument?: CdpNode;
}

function attrs(node: CdpNode): Record<string, string> {
  const out: Record<string, string> = {};
  const list = node.attributes ?? [];
  for (let i = 0; i + 1 < list.length; i += 2) out[list[i]!] = list[i + 1]!;
  return out;
}

function* walk(node: CdpNode): Generator<CdpNode> {
  yield node;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) yield* walk(child);
}

function textOf(node: CdpNode): string {
  let text = '';
  for (const n of walk(node)) if (n.nodeType === 3) text += n.nodeValue ?? '';
  return text.replace(/\s+/g, ' ').trim();
}

export interface DialogView {
  role: string | undefined;
  ariaModal: string | undefined;
  /** the dialog host's shadow root is closed to page scripts */
  shadowMode: string | undefined;
  text: string;
  testIds: string[];
}

async function cdpFor(page: Page): Promise<CDPSession> {
  return page.context().newCDPSession(page);
}

async function findDialog(cdp: CDPSession): Promise<{ host: CdpNode; dialog: CdpNode; shadow: CdpNode } | null> {
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
  for (const node of walk(root)) {
    if (node.nodeName.toLowerCase() !== 'jaga-netral-dialog') continue;
    const shadow = node.shadowRoots?.[0];
    if (!shadow) continue;
    for (const inner of walk(shadow)) if (attrs(inner).role === 'alertdialog') return { host: node, dialog: inner, shadow };
  }
  return null;
}

/**
 * The dialog is a block (*Batal* and no proceed button); *Batal* is pressed and the site's own
 * handler never ran. The policy, startup and enrolment tests all end a blocked action this way.
 */
export async function cancelBlockDialog(page: Page, dialog: DialogView): Promise<void> {
  expect(dialog.testIds).toContain('jaga-cancel');
  expect(dialog.testIds).not.toContain('jaga-proceed');
  await clickDialogButton(page, 'jaga-cancel');
  await page.waitForTimeout(200);
  expect(await siteLog(page)).toEqual([]);
}

/** The open dialog, or null when none is shown. */
export async function readDialog(page: Page): Promise<DialogView | null> {
  const cdp = await cdpFor(page);
  try {
    const found = await findDialog(cdp);
    if (!found) return null;
    const a = attrs(found.dialog);
    const testIds = [...walk(found.dialog)].map((n) => attrs(n)['data-testid']).filter((x): x is string => !!x);
    return {
      role: a.role,
      ariaModal: a['aria-modal'],
      shadowMode: (found.shadow as CdpNode & { shadowRootType?: string }).shadowRootType,
      text: textOf(found.dialog),
      testIds,
    };
  } finally {
    await cdp.detach();
  }
}

export async function waitForDialog(page: Page, timeout = 10_000): Promise<DialogView> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const view = await readDialog(page);
    if (view) return view;
    if (Date.now() > deadline) throw new Error('no dialog appeared');
    await page.waitForTimeout(50);
  }
}

/** Assert that no dialog shows up within `ms` after an action. */
export async function expectNoDialog(page: Page, ms = 600): Promise<void> {
  await page.waitForTimeout(ms);
  if (await readDialog(page)) throw new Error('a dialog appeared');
}

/** Click a dialog button by data-testid with real mouse input (trusted events). */
export async function clickDialogButton(page: Page, testId: 'jaga-cancel' | 'jaga-proceed'): Promise<void> {
  const cdp = await cdpFor(page);
  try {
    const found = await findDialog(cdp);
    if (!found) throw new Error('no dialog to click');
    const button = [...walk(found.dialog)].find((n) => attrs(n)['data-testid'] === testId);
    if (!button) throw new Error(`dialog has no ${testId}`);
    const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: button.backendNodeId })) as {
      model: { content: number[] };
    };
    const [x1, y1, , , x3, y3] = model.content as [number, number, number, number, number, number];
    await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
  } finally {
    await cdp.detach();
  }
  // The dialog closes on the click.
  const deadline = Date.now() + 3000;
  while (await readDialog(page)) {
    if (Date.now() > deadline) throw new Error('dialog did not close');
    await page.waitForTimeout(30);
  }
}

// ---------------------------------------------------------------- the site's own handlers

export interface SiteAction {
  action: string;
  postId?: string;
}

/** What the fixture page's own handlers did (see tests/fixtures/sites/README.md). */
export async function siteLog(page: Page): Promise<SiteAction[]> {
  return page.evaluate(() => ((window as unknown as { __siteLog?: SiteAction[] }).__siteLog ?? []).map((e) => ({ ...e })));
}

// ---------------------------------------------------------------- enterprise policy and the background

/** The Chrome/Edge extension id, fixed by the manifest key (agencies name it in their policies). */
export const EXTENSION_ID = 'ncbacccphjdeajkcmmpgdhgioganneda';
/** Where Debian/Ubuntu Chromium reads mandatory policy files. */
export const CHROMIUM_POLICY_DIR = '/etc/chromium/policies/managed';

/**
 * The test files' policy names. A run killed before its afterAll (a session that ends, a CI
 * timeout) leaves its file behind, and Chromium reads every file in the folder: the next run's
 * browsers would all start under that policy (training mode off, other update URLs). So names are
 * checked, and the global set-up removes every file of this shape before the first browser starts.
 */
export const TEST_POLICY_FILE = /^jaga-netral-(?:[a-z]+-)?test\.json$/;

/** Remove the policy files a killed run left (and their half-written .tmp); returns their names. */
export function removeLeftoverPolicyFiles(): string[] {
  if (!existsSync(CHROMIUM_POLICY_DIR)) return [];
  const left = readdirSync(CHROMIUM_POLICY_DIR).filter((name) => TEST_POLICY_FILE.test(name.replace(/\.tmp$/, '')));
  for (const name of left) {
    try {
      rmSync(join(CHROMIUM_POLICY_DIR, name), { force: true });
    } catch (error) {
      throw new Error(`cannot remove ${join(CHROMIUM_POLICY_DIR, name)}, left by a killed run (${(error as Error).message}): every browser would start under it`);
    }
  }
  return left;
}

/** Policy files that are not this suite's but set something for this extension: the tests' results would be theirs. */
export function foreignPolicyFiles(): string[] {
  if (!existsSync(CHROMIUM_POLICY_DIR)) return [];
  return readdirSync(CHROMIUM_POLICY_DIR).filter((name) => !TEST_POLICY_FILE.test(name.replace(/\.tmp$/, '')) && readFileSync(join(CHROMIUM_POLICY_DIR, name), 'utf8').includes(EXTENSION_ID));
}

/**
 * Whether this run may write a real Chromium policy file (root, as in CI). A developer running
 * the tests as an ordinary user gets those tests skipped with a warning, never under CI=true,
 * where they must run.
 */
export function canWritePolicyFiles(): boolean {
  try {
    mkdirSync(CHROMIUM_POLICY_DIR, { recursive: true });
    accessSync(CHROMIUM_POLICY_DIR, constants.W_OK);
    return true;
  } catch {
    if (process.env.CI) return true; // let the test fail loudly in CI
    console.warn(`Skipping policy e2e tests: cannot write ${CHROMIUM_POLICY_DIR} (run as root, as CI does).`);
    return false;
  }
}

/**
 * Write a real Chromium policy file carrying `3rdparty` settings for the extension (plus any
 * browser-level policies). Needs root (CI runs as root). Returns the path; remove it with
 * `removePolicyFile` in afterAll/finally so no other test file runs under this policy
 * (`sessionWithPolicy` does both).
 */
export function writePolicyFile(name: string, extensionPolicy: Record<string, unknown>, browserPolicies: Record<string, unknown> = {}): string {
  if (!TEST_POLICY_FILE.test(name)) throw new Error(`writePolicyFile: ${name} is not a test policy name (${TEST_POLICY_FILE})`);
  mkdirSync(CHROMIUM_POLICY_DIR, { recursive: true });
  const path = join(CHROMIUM_POLICY_DIR, name);
  const body = { ...browserPolicies, '3rdparty': { extensions: { [EXTENSION_ID]: extensionPolicy } } };
  writeFileSync(`${path}.tmp`, JSON.stringify(body, null, 2));
  renameSync(`${path}.tmp`, path); // atomic: Chromium never reads half a file
  return path;
}

export function removePolicyFile(path: string | undefined): void {
  if (!path) return;
  rmSync(path, { force: true });
  rmSync(`${path}.tmp`, { force: true });
}

export interface PolicySessionOptions extends Omit<LaunchOptions, 'server'> {
  /** the policy file's name under CHROMIUM_POLICY_DIR */
  file: string;
  /** the extension's policy (`3rdparty.extensions.<id>`); a function runs in beforeAll (e.g. after generating keys) */
  policy: Lazy<Record<string, unknown>>;
  /** fixture-server routes answered before the fixtures (e.g. a rule-update host) */
  routes?: Route[];
  /**
   * false: only the policy file and the server are ready after beforeAll; the test calls
   * `launch()` itself (to click while the browser is still starting)
   */
  launchInBeforeAll?: boolean;
  /** what storage.local `policy` must match before the tests start (default: no wait) */
  storedPolicy?: Lazy<Record<string, unknown>>;
  /** right after the launch, before any wait (e.g. to start listening to requests) */
  onLaunch?: (session: Session) => void;
  /** more set-up once the rules and the policy are in (settings, pages) */
  prepare?: (session: Session) => Promise<void>;
}

type Lazy<T> = T | (() => T | Promise<T>);
const resolveLazy = <T extends object>(value: Lazy<T>): T | Promise<T> => (typeof value === 'function' ? value() : value);

export interface PolicySession extends SharedSession {
  /** false for an ordinary user (the file's tests are skipped, see canWritePolicyFiles) */
  readonly writable: boolean;
  /** the policy file's path */
  readonly path: string;
  /** Rewrite the policy file (Chromium applies a change without a restart). */
  rewrite(policy: Record<string, unknown>): void;
  /** Launch the browser (with `launchInBeforeAll: false`); closed in afterAll. */
  launch(): Promise<Session>;
}

/**
 * One test file under a real Chromium policy file: in beforeAll, write the file, start the fixture
 * server, launch the browser and wait for the rules and the published policy; in afterAll (or when
 * the set-up fails) remove the file (one found there at start is a killed run's leftover, never
 * restored), and close the browser and the server. Use with `describe.skipIf(!policy.writable)`.
 */
export function sessionWithPolicy(options: PolicySessionOptions): PolicySession {
  const { file, policy, routes = [], launchInBeforeAll = true, storedPolicy, onLaunch, prepare, ...launchOptions } = options;
  const writable = canWritePolicyFiles();
  const path = join(CHROMIUM_POLICY_DIR, file);
  let written = false;
  let server: FixtureServer | undefined;
  let session: Session | undefined;
  const restore = () => {
    if (!written) return;
    written = false;
    removePolicyFile(path);
  };
  const start = async (): Promise<Session> => {
    if (!server) throw new Error('sessionWithPolicy: launch() before beforeAll started the server');
    session = await launch({ ...launchOptions, server });
    return session;
  };
  beforeAll(async () => {
    if (!writable) return;
    const body = await resolveLazy(policy);
    writePolicyFile(file, body);
    written = true;
    try {
      server = await startFixtureServer();
      server.routes.push(...routes);
      if (!launchInBeforeAll) return;
      const started = await start();
      onLaunch?.(started);
      await waitForEngine(started);
      if (storedPolicy) {
        const expected = await resolveLazy(storedPolicy);
        await vi.waitFor(async () => expect((await readExtensionStorage(started, ['policy'])).policy).toMatchObject(expected), {
          timeout: 20_000,
          interval: 200,
        });
      }
      await prepare?.(started);
    } catch (error) {
      restore();
      throw error;
    }
  });
  afterAll(async () => {
    restore();
    await session?.close();
    await server?.close();
  });
  const started = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`sessionWithPolicy: the ${name} is used before it was started`);
    return value;
  };
  return {
    writable,
    path,
    get session() {
      return started(session, 'browser session');
    },
    get server() {
      return started(server, 'fixture server');
    },
    rewrite: (next) => void writePolicyFile(file, next),
    launch: start,
  };
}

/** Run a function in the extension's service worker (storage, messages, fetch-free checks). */
export async function inServiceWorker<T, A>(session: Session, fn: (arg: A) => T | Promise<T>, arg: A): Promise<T> {
  const [worker] = session.context.serviceWorkers();
  if (!worker) throw new Error('extension service worker not running');
  return worker.evaluate(fn as never, arg) as Promise<T>;
}

/** storage.local values, read in the service worker. */
export async function readExtensionStorage(session: Session, keys: string[]): Promise<Record<string, unknown>> {
  return inServiceWorker(
    session,
    (k: string[]) => (globalThis as unknown as { chrome: { storage: { local: { get(k: string[]): Promise<Record<string, unknown>> } } } }).chrome.storage.local.get(k),
    keys,
  );
}

/** Open one of the extension's own pages (options.html, popup.html). */
export async function openExtensionPage(session: Session, path: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/${path}`);
  return page;
}

/** Send a message to the background from an extension page (as the options page does). */
export async function sendFromExtensionPage(page: Page, message: unknown): Promise<unknown> {
  return page.evaluate(
    (m) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage(m),
    message,
  );
}

/**
 * Firefox end-to-end harness: Debian's firefox-esr, headless, with a fresh profile, driven over
 * WebDriver BiDi (its built-in remote agent, --remote-debugging-port) by the small client in
 * bidi.ts. The built Firefox extension (.output/firefox-mv3) is installed as a temporary add-on
 * (webExtension.install). Pages load from the shared fixture server (fixture-server.ts) under the
 * sites' real hostnames: Firefox has no --host-resolver-rules, so its only proxy is a CONNECT
 * proxy that tunnels those hostnames to the fixture server and refuses everything else. The
 * server's self-signed certificate is accepted through the session's acceptInsecureCerts.
 *
 * Like the Chromium harness, it reads the dialog's closed shadow root from outside the page (BiDi
 * serialization with includeShadowTree "all") and clicks with real input (input.performActions),
 * so the content script's and the dialog's "trusted input only" rules are exercised.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BidiClient, fromRemote, toLocal, type NodeValue, type RemoteNode, type RemoteValue } from './bidi';
import { ROOT, SITE_HOSTS, startTunnelProxy, type FixtureServer, type TunnelProxy } from './fixture-server';

/** The built Firefox extension; JAGA_FIREFOX_EXTENSION_DIR points at a private copy. */
export const FIREFOX_EXTENSION_DIR = process.env.JAGA_FIREFOX_EXTENSION_DIR ?? join(ROOT, '.output/firefox-mv3');
export const GECKO_ID = 'jaga-netral@jaganetral.id';
/**
 * The extension's internal UUID in the test profile (extensions.webextensions.uuids), so its pages
 * have a known moz-extension:// origin. A random one is made for each real installation.
 */
export const EXTENSION_UUID = '5b1f0d3e-7c2a-4e8b-9f61-0a3c5d7e9b24';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

const CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];

/** The Firefox to test with (FIREFOX_PATH, else Debian's firefox-esr), or null when none is installed. */
export function findFirefox(): string | null {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`FIREFOX_PATH=${fromEnv} does not exist`);
    return fromEnv;
  }
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

/** Profile preferences: the tunnel proxy for every HTTPS request, and nothing that phones home. */
function profilePrefs(proxyPort: number): Record<string, string | number | boolean> {
  return {
    'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
    'network.proxy.type': 1,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': proxyPort,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': proxyPort,
    'network.proxy.share_proxy_settings': false,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': true,
    'network.dns.disablePrefetch': true,
    'network.http.speculative-parallel-limit': 0,
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'browser.safebrowsing.downloads.enabled': false,
    'app.normandy.enabled': false,
    'messaging-system.rsexperimentloader.enabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.enabled': false,
    'browser.shell.checkDefaultBrowser': false,
    'browser.startup.homepage_override.mstone': 'ignore',
    'browser.aboutwelcome.enabled': false,
    'extensions.autoDisableScopes': 0,
    // The photo check's hand model needs WebGL. Without a GPU, headless Firefox refuses it (GLX
    // needs a display; software GL is blocklisted): force it on, over EGL (MOZ_WEBGL_FORCE_EGL in
    // the environment below) with Mesa's llvmpipe.
    'webgl.force-enabled': true,
    // Console messages (pages, the extension's background) go to stdout: FirefoxSession.log().
    'devtools.console.stdout.content': true,
    'devtools.console.stdout.chrome': true,
    // The test profile is thrown away; a tab that asks "leave this page?" must not block closing.
    'dom.disable_beforeunload': true,
  };
}

export interface FirefoxLaunchOptions {
  server: FixtureServer;
  /** more hostnames to tunnel to the fixture server */
  extraHosts?: string[];
  extensionDir?: string;
}

export interface FirefoxSession {
  bidi: BidiClient;
  proxy: TunnelProxy;
  /** the add-on id webExtension.install answered */
  extensionId: string;
  /** the browser's stderr, for failure messages */
  log(): string;
  close(): Promise<void>;
}

export async function launchFirefox({ server, extraHosts = [], extensionDir = FIREFOX_EXTENSION_DIR }: FirefoxLaunchOptions): Promise<FirefoxSession> {
  const executable = findFirefox();
  if (!executable) throw new Error('No Firefox found. Install Debian\'s firefox-esr (sudo apt-get install -y firefox-esr) or set FIREFOX_PATH.');
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built Firefox extension at ${extensionDir}: run "npm run build:firefox" first.`);
  }
  const proxy = await startTunnelProxy(server, [...Object.keys(SITE_HOSTS), ...extraHosts]);
  const profile = mkdtempSync(join(tmpdir(), 'jaga-netral-firefox-'));
  const prefs = Object.entries(profilePrefs(proxy.port)).map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});\n`);
  writeFileSync(join(profile, 'user.js'), prefs.join(''));

  // -remote-allow-system-access: without it BiDi refuses to navigate a tab to a moz-extension://
  // page, and the tests write settings from the extension's options page (openExtensionPage).
  const child: ChildProcess = spawn(executable, ['-headless', '-no-remote', '-profile', profile, '--remote-debugging-port=0', '-remote-allow-system-access'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, MOZ_HEADLESS: '1', MOZ_CRASHREPORTER_DISABLE: '1', MOZ_WEBGL_FORCE_EGL: '1' },
  });
  let output = '';
  const endpoint = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Firefox did not start its remote agent:\n${output}`)), 30_000);
    const read = (chunk: Buffer) => {
      output = (output + String(chunk)).slice(-200_000);
      const match = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Firefox exited (${code}) before its remote agent started:\n${output}`));
    });
  });

  const cleanup = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((ok) => child.once('exit', ok));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    await proxy.close();
    rmSync(profile, { recursive: true, force: true });
  };

  try {
    const bidi = await BidiClient.connect(`${await endpoint}/session`);
    await bidi.send('session.new', { capabilities: { alwaysMatch: { acceptInsecureCerts: true } } });
    const { extension } = await bidi.send<{ extension: string }>('webExtension.install', { extensionData: { type: 'path', path: extensionDir } });
    return {
      bidi,
      proxy,
      extensionId: extension,
      log: () => output,
      close: async () => {
        try {
          await Promise.race([bidi.send('browser.close'), new Promise((ok) => setTimeout(ok, 3000))]);
        } catch {
          // the browser may already be gone
        }
        bidi.close();
        await cleanup();
      },
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

// ---------------------------------------------------------------- tabs

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/** One tab (a top-level browsing context). */
export class Tab {
  constructor(
    readonly session: FirefoxSession,
    readonly context: string,
  ) {}

  static async open(session: FirefoxSession, url?: string): Promise<Tab> {
    const { context } = await session.bidi.send<{ context: string }>('browsingContext.create', { type: 'tab' });
    const tab = new Tab(session, context);
    await session.bidi.send('browsingContext.setViewport', { context, viewport: { width: 1200, height: 900 } });
    if (url) await tab.goto(url);
    return tab;
  }

  async goto(url: string): Promise<void> {
    await this.session.bidi.send('browsingContext.navigate', { context: this.context, url, wait: 'complete' });
  }

  async close(): Promise<void> {
    await this.session.bidi.send('browsingContext.close', { context: this.context });
  }

  /** Run `fn(...args)` in the page (awaiting a promise) and return its JSON result. */
  async call<T>(fn: string | ((...args: never[]) => unknown), ...args: unknown[]): Promise<T> {
    const result = await this.session.bidi.send<{ type: string; result?: RemoteValue; exceptionDetails?: { text: string } }>('script.callFunction', {
      functionDeclaration: String(fn),
      arguments: args.map(toLocal),
      target: { context: this.context },
      awaitPromise: true,
      resultOwnership: 'none',
    });
    if (result.type === 'exception') throw new Error(`in page: ${result.exceptionDetails?.text ?? 'exception'}`);
    return fromRemote(result.result!) as T;
  }

  /** The first element matching `selector`, as a node reference for input actions. */
  async element(selector: string): Promise<RemoteNode> {
    const result = await this.session.bidi.send<{ type: string; result?: RemoteValue }>('script.callFunction', {
      functionDeclaration: String((s: string) => document.querySelector(s)),
      arguments: [toLocal(selector)],
      target: { context: this.context },
      awaitPromise: false,
      serializationOptions: { maxDomDepth: 0 },
    });
    if (result.type !== 'success' || result.result?.type !== 'node') throw new Error(`no element ${selector}`);
    return result.result as RemoteNode;
  }

  /** A real mouse click (trusted events) in the middle of the element. */
  async clickNode(node: RemoteNode): Promise<void> {
    // Input actions must land inside the viewport: bring the element to its middle first.
    await this.session.bidi.send('script.callFunction', {
      functionDeclaration: String((el: Element) => el.scrollIntoView({ block: 'center', inline: 'center' })),
      arguments: [{ sharedId: node.sharedId }],
      target: { context: this.context },
      awaitPromise: false,
    });
    const origin = { type: 'element', element: { sharedId: node.sharedId } };
    await this.session.bidi.send('input.performActions', {
      context: this.context,
      actions: [
        {
          type: 'pointer',
          id: 'mouse',
          parameters: { pointerType: 'mouse' },
          actions: [
            { type: 'pointerMove', x: 0, y: 0, origin },
            { type: 'pointerDown', button: 0 },
            { type: 'pointerUp', button: 0 },
          ],
        },
      ],
    });
    await this.session.bidi.send('input.releaseActions', { context: this.context });
  }

  async click(selector: string): Promise<void> {
    await this.clickNode(await this.element(selector));
  }

  /** Attach files to an <input type=file> as a user picking them would (input and change events). */
  async setFiles(selector: string, files: string[]): Promise<void> {
    const node = await this.element(selector);
    await this.session.bidi.send('input.setFiles', { context: this.context, element: { sharedId: node.sharedId }, files });
  }

  /** The whole document, closed shadow roots included, as BiDi serializes it. */
  async documentTree(): Promise<RemoteNode> {
    const result = await this.session.bidi.send<{ type: string; result?: RemoteValue }>('script.evaluate', {
      expression: 'document.documentElement',
      target: { context: this.context },
      awaitPromise: false,
      serializationOptions: { maxDomDepth: null, includeShadowTree: 'all' },
    });
    if (result.type !== 'success' || result.result?.type !== 'node') throw new Error('document not serialized');
    return result.result as RemoteNode;
  }
}

// ---------------------------------------------------------------- the dialog

function* walk(node: RemoteNode): Generator<RemoteNode> {
  yield node;
  const value = node.value;
  if (!value) return;
  if (value.shadowRoot) yield* walk(value.shadowRoot);
  for (const child of value.children ?? []) yield* walk(child);
}

const attrs = (node: RemoteNode): Record<string, string> => node.value?.attributes ?? {};

function textOf(node: RemoteNode): string {
  let text = '';
  for (const n of walk(node)) if (n.value?.nodeType === 3) text += n.value.nodeValue ?? '';
  return text.replace(/\s+/g, ' ').trim();
}

export interface FirefoxDialogView {
  role: string | undefined;
  ariaModal: string | undefined;
  /** the dialog host's shadow root mode (closed to page scripts) */
  shadowMode: NodeValue['mode'];
  text: string;
  testIds: string[];
  /** the dialog node, for clicking its buttons */
  node: RemoteNode;
}

export async function readDialog(tab: Tab): Promise<FirefoxDialogView | null> {
  const root = await tab.documentTree();
  for (const node of walk(root)) {
    if (node.value?.localName !== 'jaga-netral-dialog') continue;
    const shadow = node.value.shadowRoot;
    if (!shadow) continue;
    for (const inner of walk(shadow)) {
      const a = attrs(inner);
      if (a.role !== 'alertdialog') continue;
      return {
        role: a.role,
        ariaModal: a['aria-modal'],
        shadowMode: shadow.value?.mode,
        text: textOf(inner),
        testIds: [...walk(inner)].map((n) => attrs(n)['data-testid']).filter((x): x is string => !!x),
        node: inner,
      };
    }
  }
  return null;
}

export async function waitForDialog(tab: Tab, timeout = 10_000): Promise<FirefoxDialogView> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const view = await readDialog(tab);
    if (view) return view;
    if (Date.now() > deadline) throw new Error('no dialog appeared');
    await sleep(50);
  }
}

export async function expectNoDialog(tab: Tab, ms = 600): Promise<void> {
  await sleep(ms);
  if (await readDialog(tab)) throw new Error('a dialog appeared');
}

/** Click a dialog button by data-testid with real mouse input, then wait for the dialog to close. */
export async function clickDialogButton(tab: Tab, testId: 'jaga-cancel' | 'jaga-proceed'): Promise<void> {
  const dialog = await readDialog(tab);
  if (!dialog) throw new Error('no dialog to click');
  const button = [...walk(dialog.node)].find((n) => attrs(n)['data-testid'] === testId);
  if (!button) throw new Error(`dialog has no ${testId}`);
  await tab.clickNode(button);
  const deadline = Date.now() + 3000;
  while (await readDialog(tab)) {
    if (Date.now() > deadline) throw new Error('dialog did not close');
    await sleep(30);
  }
}

// ---------------------------------------------------------------- the page and the extension

export interface SiteAction {
  action: string;
  postId?: string;
}

/** What the fixture page's own handlers did (see tests/fixtures/sites/README.md). */
export async function siteLog(tab: Tab): Promise<SiteAction[]> {
  return tab.call<SiteAction[]>(() => ((window as unknown as { __siteLog?: SiteAction[] }).__siteLog ?? []).map((e) => ({ action: e.action, postId: e.postId })));
}

/** An extension page (options.html, popup.html) in a tab: its scripts have the extension's APIs. */
export async function openExtensionPage(session: FirefoxSession, path: string): Promise<Tab> {
  return Tab.open(session, `${EXTENSION_ORIGIN}/${path}`);
}

/** Wait until the background has loaded the rules into storage (read from an extension page). */
export async function waitForEngine(extensionPage: Tab): Promise<void> {
  await extensionPage.call(async () => {
    const api = (globalThis as unknown as { browser: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).browser;
    for (let i = 0; i < 200; i++) {
      if ((await api.storage.local.get('engine')).engine) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('rules never loaded');
  });
}

/** Store user settings (utils/settings.ts shape) from an extension page, as the options page would. */
export async function setSettings(extensionPage: Tab, settings: Record<string, unknown>): Promise<void> {
  await extensionPage.call(async (value: Record<string, unknown>) => {
    const api = (globalThis as unknown as { browser: { storage: { local: { set(v: Record<string, unknown>): Promise<void> } } } }).browser;
    await api.storage.local.set({ settings: value });
  }, settings);
}

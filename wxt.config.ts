import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineConfig } from 'wxt';
import { SUPPORTED_MATCHES } from './utils/hosts';
import { readReleaseChannel } from './utils/release-channel';
import { composeHandLandmarkerTask, extractPackedFile } from './scripts/photos/hand-landmarker-task';

/**
 * The release's update channel (update URLs and the keys that may sign them) is a build-time
 * setting: JAGA_UPDATE_URLS and JAGA_TRUSTED_KEYS, else release.config.json (or the file
 * JAGA_RELEASE_CONFIG names). None given: no built-in URL and no key (docs/maintainers.md).
 */
const RELEASE_CHANNEL = readReleaseChannel(process.env, resolve(process.env.JAGA_RELEASE_CONFIG ?? 'release.config.json'));

/** The rule bundle the extension ships and uses until a signed update arrives. */
const DEFAULT_BUNDLE = 'public/rules/default-bundle.json';

/**
 * The hand model's runtime: MediaPipe tasks-vision's WebAssembly build with SIMD (every supported
 * browser has WebAssembly SIMD; the non-SIMD and module builds are not shipped).
 */
const TASKS_VISION_FILES = ['vision_wasm_internal.js', 'vision_wasm_internal.wasm'];

/**
 * hand_landmarker.task, made from the two models @mediapipe/hands ships (scripts/photos/
 * hand-landmarker-task.ts: Google's task file is in no npm package), written under .wxt/ and
 * copied from there.
 */
function handLandmarkerTask(wxtDir: string): string {
  const hands = resolve('node_modules/@mediapipe/hands');
  const task = composeHandLandmarkerTask({
    palmDetector: extractPackedFile(
      readFileSync(join(hands, 'hands_solution_packed_assets_loader.js'), 'utf8'),
      new Uint8Array(readFileSync(join(hands, 'hands_solution_packed_assets.data'))),
      'palm_detection_full.tflite',
    ),
    handLandmarks: new Uint8Array(readFileSync(join(hands, 'hand_landmark_full.tflite'))),
  });
  const out = join(wxtDir, 'mediapipe', 'hand_landmarker.task');
  mkdirSync(join(wxtDir, 'mediapipe'), { recursive: true });
  writeFileSync(out, task);
  return out;
}

/**
 * Public half of the extension's signing key. It fixes the Chrome/Edge extension id to
 * ncbacccphjdeajkcmmpgdhgioganneda for unpacked and self-hosted builds, so agencies can name that
 * id in ExtensionInstallForcelist and 3rdparty policies. The private half is kept by the
 * maintainers, never in this repository.
 */
const CHROME_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA0jjl/MAjORzui3qZyR5mU1YGQnRbZgqJs2ySwTac5nqQTVkA46A1644oIt86P6AS4ZAH2o6VqPzAoQ3VAQON/DRrDSi7Yd1upj11P+njI/NWWaEVsqz3qY0ucToFBBPzzpG4MSIc7hfVEWx78g+XM6RO7/TDTP6ZxghUIbwEDcYlofl2cirjrcfYPGJHfic1HFuspvV8mN8edV3K1QlVw8up0tACoSyYl6Z3SfD20Dd2aYyWkAfiSqThK/hijgziJbSicBXq3bQZvwLrUxh72T6bkmFUeXa6ZXfLb+lpJdildMfy9vcvCvW6pIj5HuTuMoySyHeaeooTxKDF/SWKIwIDAQAB';

/**
 * A store package (`npm run zip`, `npm run zip:edge`: JAGA_STORE_BUILD=1). The stores refuse a
 * manifest with `key` ("key field is not allowed in manifest") and give the extension their own
 * id, so a store build leaves CHROME_PUBLIC_KEY out; unpacked and self-hosted Chrome/Edge builds
 * (`npm run build`, `npm run build:edge`) keep it and the fixed id. Store builds go to their own
 * folder, so the plain build in .output/chrome-mv3 (the one the tests load) keeps its id.
 */
const STORE_BUILD = process.env.JAGA_STORE_BUILD === '1';

/**
 * Oldest Chrome/Edge the package installs on: 109 brought chrome.offscreen, where the photo check
 * runs its model (storage.session came in 102, MV3's 'wasm-unsafe-eval' in 103). Edge for Android
 * follows the same Chromium versions. The tests run on Debian's current Chromium.
 */
export const MINIMUM_CHROME_VERSION = '109';

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  // Every dependency is a visible import line: no auto-imports (see docs/design.md).
  imports: false,
  // JAGA_OUT_DIR: a build with other settings (e.g. a release channel under test) goes elsewhere,
  // so .output/chrome-mv3 stays the plain build.
  outDir: process.env.JAGA_OUT_DIR ?? (STORE_BUILD ? '.output/store' : '.output'),
  // One code path for every browser: MV3 everywhere (Firefox ≥ 140 supports what we use).
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    short_name: 'Jaga Netral',
    description: '__MSG_extDescription__',
    default_locale: 'id',
    // offscreen (Chrome): the photo check runs its hand model in an offscreen document; Firefox
    // has no such API and runs the same page in a frame of its background page.
    // unlimitedStorage (Chrome and Edge only, no install warning there): storage.local is capped at
    // 10 MB, which a compiled rule set of ~30,000 names (an agency's DPR/DPRD lists) already fills.
    // Firefox's storage.local has no such cap, and there the permission would ask the user.
    permissions: ['storage', 'alarms', 'scripting', ...(browser === 'firefox' ? [] : ['offscreen', 'unlimitedStorage'])],
    host_permissions: [...SUPPORTED_MATCHES],
    action: { default_title: '__MSG_extName__' },
    // 'wasm-unsafe-eval' lets extension pages compile WebAssembly: the photo check's hand model runs
    // in one (entrypoints/offscreen). Scripts still come only from the extension itself.
    content_security_policy: { extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self';" },
    // Enterprise policy for Chrome and Edge (3rdparty → extensions → <id>); Firefox reads the same
    // keys from policies.json without a schema. Values are checked per key in utils/policy.ts.
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed_schema.json' } }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'jaga-netral@jaganetral.id',
              // data_collection_permissions is understood from Firefox 140 (desktop) and 142 (Android).
              strict_min_version: '140.0',
              // Nothing the user reads or writes leaves the browser.
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
          // Agency enrolment: a tap on a web+jaganetral: link (utils/enrolment.ts) opens the options
          // page with the link filled in. Firefox only: Chromium has no extension protocol handlers.
          protocol_handlers: [{ protocol: 'web+jaganetral', name: 'Jaga Netral', uriTemplate: '/options.html#daftar=%s' }],
        }
      : { minimum_chrome_version: MINIMUM_CHROME_VERSION, ...(STORE_BUILD ? {} : { key: CHROME_PUBLIC_KEY }) }),
  }),
  hooks: {
    // The default rule bundle (public/rules/default-bundle.json, not committed) is compiled from
    // rules/data before every build, dev server start and zip, so a fresh clone runs `npm run dev`
    // with no extra step. It runs `jaga build` in its own process: the CLI is plain Node code and
    // reports invalid rules on stderr, which then stops the build.
    'build:before': () => {
      execFileSync(process.execPath, [resolve('node_modules/tsx/dist/cli.mjs'), 'rules/cli/jaga.ts', 'build', '--unsigned', '--out', DEFAULT_BUNDLE], {
        stdio: ['ignore', 'ignore', 'inherit'],
      });
    },
    // Content scripts run on every social page and must stay within 40 KB gzip: terser (two compress
    // passes) makes them ~4% smaller than Vite's default esbuild minifier (facebook.js 41,677 →
    // 39,949 B, 2026-12-06). Other pages keep esbuild, which builds three times faster.
    // They also get the browser's own API instead of webextension-polyfill (utils/content-browser.ts:
    // facebook.js 40,957 → 38,551 B gzip, 2026-12-07). The first matching alias wins: it goes first.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (entrypoints.length > 0 && entrypoints.every((e) => e.type === 'content-script')) {
        config.build = { ...config.build, minify: 'terser', terserOptions: { compress: { passes: 2 } } };
        const alias = config.resolve?.alias ?? [];
        const rest = Array.isArray(alias) ? alias : Object.entries(alias).map(([find, replacement]) => ({ find, replacement }));
        config.resolve = { ...config.resolve, alias: [{ find: /^wxt\/browser$/, replacement: resolve('utils/content-browser.ts') }, ...rest] };
      }
    },
    // The hand-landmark model and its WebAssembly runtime (MediaPipe, Apache-2.0), in the build;
    // nothing is downloaded at run time (docs/photo-check.md, "Model").
    'build:publicAssets': (wxt, files) => {
      const runtime = resolve('node_modules/@mediapipe/tasks-vision/wasm');
      for (const file of TASKS_VISION_FILES) files.push({ absoluteSrc: join(runtime, file), relativeDest: `mediapipe/${file}` });
      files.push({ absoluteSrc: handLandmarkerTask(wxt.config.wxtDir), relativeDest: 'mediapipe/hand_landmarker.task' });
      files.push({
        relativeDest: 'mediapipe/NOTICE.txt',
        contents:
          'MediaPipe tasks-vision (npm @mediapipe/tasks-vision 1.1.0) and the hand models of MediaPipe Hands\n' +
          '(npm @mediapipe/hands 0.4.1675469240, repackaged as hand_landmarker.task), Copyright Google LLC.\n' +
          'Licensed under the Apache License, Version 2.0: https://www.apache.org/licenses/LICENSE-2.0\n',
      });
    },
  },
  vite: (env) => {
    // A build is a production build whatever NODE_ENV the caller has: under vitest it is "test",
    // which made the React plugin emit the development JSX runtime against production React
    // ("jsxDEV is not a function" in the dialog).
    if (env.command === 'build') process.env.NODE_ENV = 'production';
    return { define: { __JAGA_RELEASE_CHANNEL__: JSON.stringify(JSON.stringify(RELEASE_CHANNEL)) } };
  },
  zip: {
    artifactTemplate: 'jaga-netral-{{version}}-{{browser}}.zip',
    sourcesTemplate: 'jaga-netral-{{version}}-sources.zip',
  },
});

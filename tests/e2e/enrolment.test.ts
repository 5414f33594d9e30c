/**
 * Agency enrolment end to end, with no storage.managed policy: the built extension in Chromium, an
 * agency policy file signed with a fresh key served on its own HTTPS host (with CORS, as
 * docs/deployment.md asks), enrolment through the options page (paste the link, check, confirm),
 * and then the policy's `block` on a partisan like: the dialog has no proceed button.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeys, serializeEnvelope, signEnvelope } from '../../rules/signing.ts';
import {
  cancelBlockDialog,
  clickDialogButton,
  launch,
  openExtensionPage,
  openFixture,
  readExtensionStorage,
  startFixtureServer,
  waitForDialog,
  waitForEngine,
  type FixtureServer,
  type Session,
} from './harness';

const POLICY_HOST = 'kebijakan.test.jaganetral.id';
const POLICY_URL = `https://${POLICY_HOST}/jaga/kebijakan.json`;
const FEED = 'https://x.com/home-id.html';
const X1_LIKE = 'article[data-post-id="x1"] [data-testid="like"]';
/** generous: the machine may be busy with other test runs; this is a wait, not a timing assertion */
const DIALOG_TIMEOUT = 15_000;
const DAY = 86_400_000;

let server: FixtureServer;
let session: Session;
let policyFile = '';
let link = '';

function policyRoute(req: IncomingMessage, res: ServerResponse): boolean {
  if ((req.headers.host ?? '').replace(/:\d+$/, '') !== POLICY_HOST) return false;
  res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store', 'access-control-allow-origin': '*' });
  res.end(policyFile);
  return true;
}

beforeAll(async () => {
  const keys = await generateKeys();
  // Written as `jaga policy-sign` and `jaga enrol-link` write them (this project has no @/ paths,
  // so utils/enrolment.ts is not imported here).
  const payload = {
    agencyName: 'Pemerintah Kota Uji',
    agencyId: 'pemkot-uji',
    issuedAt: new Date(Date.now() - DAY).toISOString(),
    expiresAt: new Date(Date.now() + 30 * DAY).toISOString(),
    policy: { actionBySeverity: { high: 'block', medium: 'block' } },
  };
  policyFile = serializeEnvelope(await signEnvelope(JSON.stringify(payload), keys.privateKeyPem, 'jaga-policy/1'));
  link = `web+jaganetral:enrol?${new URLSearchParams({ v: '1', url: POLICY_URL, key: keys.publicKey, name: 'Pemerintah Kota Uji' })}`;
  server = await startFixtureServer();
  server.routes.push(policyRoute);
  session = await launch({ server, extraHosts: [POLICY_HOST] });
  await waitForEngine(session);
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('agency enrolment without storage.managed', () => {
  it('before enrolling, a partisan like gets the ordinary warning with a proceed button', async () => {
    const page = await openFixture(session, FEED);
    await page.click(X1_LIKE);
    const dialog = await waitForDialog(page, DIALOG_TIMEOUT);
    expect(dialog.testIds).toContain('jaga-proceed');
    await clickDialogButton(page, 'jaga-cancel');
    await page.close();
  });

  it('enrols through the options page, then the policy blocks a partisan like', async () => {
    const options = await openExtensionPage(session, 'options.html');
    await options.getByLabel('Tautan pendaftaran').fill(link);
    await options.getByRole('button', { name: 'Periksa tautan' }).click();
    await options.getByRole('heading', { name: 'Ikuti kebijakan Pemerintah Kota Uji?' }).waitFor({ timeout: 35_000 });
    await options.getByRole('button', { name: 'Ya, ikuti' }).click();
    await options.getByText('Terdaftar di Pemerintah Kota Uji').waitFor({ timeout: 10_000 });
    expect(server.requests.filter((r) => r.host === POLICY_HOST).map((r) => r.path)).toContain('/jaga/kebijakan.json');
    // The page shows the enrolment record as soon as it is stored; the policy is stored after it, once the
    // background has fetched and applied it (slower while it compiles the 13,000-person rule set)
    await expect
      .poll(() => readExtensionStorage(session, ['policy', 'policySource']), { timeout: 20_000 })
      .toMatchObject({ policy: { actionBySeverity: { high: 'block', medium: 'block' } }, policySource: 'enrolled' });
    await options.close();

    const page = await openFixture(session, FEED);
    await page.click(X1_LIKE);
    const dialog = await waitForDialog(page, DIALOG_TIMEOUT);
    await cancelBlockDialog(page, dialog);
    await page.close();
  });
});

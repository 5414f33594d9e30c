/**
 * The options page's first step, "Izinkan di situs-situs ini": per-site status from
 * permissions.contains, one button that asks for exactly the adapters' origins, live updates when
 * access is granted or revoked elsewhere, and a refusal said plainly.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { HostAccess } from '@/components/options/HostAccess';
import { Options } from '@/components/options/Options';
import { ADAPTERS } from '@/entrypoints/content/sites';
import { matchesForHosts } from '@/utils/hosts';
import { axeViolations } from '../fixtures';
import { installFakePermissions } from '../fake-permissions';

const ALL_ORIGINS = ADAPTERS.flatMap((a) => matchesForHosts(a.hosts));
const X_ORIGINS = matchesForHosts(ADAPTERS.find((a) => a.id === 'x')!.hosts);

function statusOf(site: string): string {
  return within(screen.getByTestId('host-access')).getByRole('listitem', { name: new RegExp(site) }).textContent ?? '';
}

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

describe('HostAccess step', () => {
  it('shows every site not granted, asks for exactly the adapters\' origins, then shows them granted', async () => {
    const permissions = installFakePermissions();
    render(<HostAccess lang="id" />);
    await waitFor(() => expect(statusOf('TikTok')).toContain('Belum diizinkan'));
    expect(statusOf('WhatsApp')).toContain('Belum diizinkan');
    fireEvent.click(screen.getByRole('button', { name: 'Izinkan di semua situs' }));
    expect(permissions.request).toHaveBeenCalledTimes(1);
    const asked = permissions.request.mock.calls[0]![0] as { origins: string[] };
    expect([...asked.origins].sort()).toEqual([...ALL_ORIGINS].sort());
    await waitFor(() => expect(statusOf('TikTok')).toContain('Diizinkan'));
    for (const a of ADAPTERS) expect(permissions.granted.has(matchesForHosts(a.hosts)[0]!)).toBe(true);
    expect(screen.queryByRole('button', { name: 'Izinkan di semua situs' })).toBeNull();
    expect(screen.getByRole('status').textContent).toContain('Semua situs diizinkan');
  });

  it('calls request inside the click, before any await (the user gesture)', async () => {
    const permissions = installFakePermissions();
    render(<HostAccess lang="en" />);
    const button = await screen.findByRole('button', { name: 'Allow on all sites' });
    fireEvent.click(button);
    // synchronously: no microtask has run between the click and the request
    expect(permissions.request).toHaveBeenCalledTimes(1);
  });

  it('says so when the user refuses, and keeps the button', async () => {
    const permissions = installFakePermissions();
    permissions.answer = false;
    render(<HostAccess lang="id" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Izinkan di semua situs' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Izin ditolak'));
    expect(statusOf('X')).toContain('Belum diizinkan');
    expect(screen.getByRole('button', { name: 'Izinkan di semua situs' })).toBeTruthy();
  });

  it('follows grants and revocations made outside the page (onAdded / onRemoved)', async () => {
    const permissions = installFakePermissions(ALL_ORIGINS);
    render(<HostAccess lang="id" />);
    await waitFor(() => expect(statusOf('X')).toContain('Diizinkan'));
    expect(screen.queryByRole('button', { name: 'Izinkan di semua situs' })).toBeNull();
    permissions.revoke(X_ORIGINS);
    await waitFor(() => expect(statusOf('X')).toContain('Belum diizinkan'));
    expect(statusOf('Facebook')).not.toContain('Belum');
    permissions.grant(X_ORIGINS);
    await waitFor(() => expect(statusOf('X')).not.toContain('Belum'));
  });

  it('is the options page\'s first section, and passes axe', async () => {
    installFakePermissions();
    const { container } = render(<Options />);
    await screen.findByRole('heading', { level: 1 });
    const first = container.querySelector('main section');
    expect(first?.id).toBe('izin');
    expect(within(first as HTMLElement).getByRole('heading', { level: 2 }).textContent).toBe('Izinkan di situs-situs ini');
    await waitFor(() => expect(statusOf('TikTok')).toContain('Belum diizinkan'));
    expect(await axeViolations(container)).toEqual([]);
  });
});

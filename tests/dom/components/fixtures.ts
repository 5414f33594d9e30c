/** Shared requests and helpers for the component tests. */
import axe from 'axe-core';
import type { DialogRequest } from '@/utils/dialog-api';

export const TEXT = 'Ayo dukung Prabowo Gibran nomor 02 di Pilpres 2024! #PrabowoGibran2024';

export function request(overrides: Partial<DialogRequest> = {}): DialogRequest {
  return {
    site: 'x',
    action: 'like',
    mode: 'warn',
    severity: 'high',
    language: 'id',
    compact: false,
    content: { text: TEXT, author: 'Relawan 02', hashtags: ['PrabowoGibran2024'] },
    reasons: [
      {
        kind: 'person',
        label: 'Prabowo Subianto',
        field: 'text',
        span: [11, 18],
        matched: 'Prabowo',
        severity: 'high',
        contest: { id: 'pilpres-2024', name: 'Pilpres 2024', number: 2 },
      },
      {
        kind: 'hashtag',
        label: 'Pilpres 2024, nomor urut 02: Prabowo Subianto – Gibran Rakabuming Raka',
        field: 'text',
        span: [52, 70],
        matched: 'PrabowoGibran2024',
        severity: 'high',
        contest: { id: 'pilpres-2024', name: 'Pilpres 2024', number: 2 },
      },
    ],
    ...overrides,
  };
}

/** axe-core on a container; color-contrast needs real layout, which happy-dom does not have. */
export async function axeViolations(container: Element): Promise<string[]> {
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

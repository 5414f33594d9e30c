/**
 * "Salah deteksi?": a false-positive report the user reads (and may edit) first and sends only by
 * their own action — copying it, or opening their own e-mail program with it. It carries what was
 * matched and the excerpt, never the page URL or the user's identity.
 */
import type { DialogRequest } from '@/utils/dialog-api';
import { excerptFor } from './excerpt';
import { describeReason } from './reasons';

export const REPORT_ADDRESS = 'laporan@jaganetral.id';

export function falsePositiveReportText(request: DialogRequest): string {
  const excerpt = excerptFor(request.content, request.reasons);
  const lines = [
    'Laporan salah deteksi Jaga Netral',
    `Situs: ${request.site}; tindakan: ${request.detail ?? request.action}; tingkat: ${request.severity}`,
    'Yang terdeteksi:',
    ...request.reasons.map((r) => `- ${describeReason(r, 'id')} [${r.kind}] pada ${r.field}: "${r.matched}"`),
    excerpt ? `Kutipan: "${excerpt.segments.map((s) => s.text).join('')}"` : '',
    'Mengapa ini salah deteksi (isi sendiri): ',
  ].filter(Boolean);
  return lines.join('\n');
}

export function reportMailto(text: string): string {
  return `mailto:${REPORT_ADDRESS}?subject=${encodeURIComponent('Salah deteksi Jaga Netral')}&body=${encodeURIComponent(text)}`;
}

/**
 * "Salah deteksi?": a false-positive report the user reads first and sends only by their own
 * action. It carries what was matched and the excerpt, never the page URL or the user's identity.
 */
import type { DialogRequest } from './dialog-api';
import { excerptFor } from './excerpt';

export const REPORT_ADDRESS = 'laporan@jaganetral.id';

export function falsePositiveReport(request: DialogRequest): { text: string; mailto: string } {
  const excerpt = excerptFor(request.content, request.reasons);
  const lines = [
    'Laporan salah deteksi Jaga Netral',
    `Situs: ${request.site}; tindakan: ${request.detail ?? request.action}; tingkat: ${request.severity}`,
    'Yang terdeteksi:',
    ...request.reasons.map((r) => `- ${r.label} [${r.kind}] pada ${r.field}: "${r.matched}"`),
    excerpt ? `Kutipan: "${excerpt.segments.map((s) => s.text).join('')}"` : '',
    'Mengapa ini salah deteksi (isi sendiri): ',
  ].filter(Boolean);
  const text = lines.join('\n');
  const mailto = `mailto:${REPORT_ADDRESS}?subject=${encodeURIComponent('Salah deteksi Jaga Netral')}&body=${encodeURIComponent(text)}`;
  return { text, mailto };
}

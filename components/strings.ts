/**
 * UI strings, Indonesian first. Kept in code rather than _locales because the UI language is a
 * setting (and a policy) that can differ from the browser's language.
 */
import type { ActionDetail, ActionKind } from '@/rules/actions';
import type { Language } from '@/utils/settings';

const HEADLINES: Record<Language, Record<ActionDetail, string>> = {
  id: {
    like: 'Anda akan menyukai konten kampanye',
    react: 'Anda akan memberi tanggapan pada konten kampanye',
    share: 'Anda akan membagikan konten kampanye',
    repost: 'Anda akan memposting ulang konten kampanye',
    quote: 'Anda akan mengutip konten kampanye',
    forward: 'Anda akan meneruskan konten kampanye',
    comment: 'Anda akan mengomentari konten kampanye',
    reply: 'Anda akan membalas konten kampanye',
    post: 'Anda akan memposting konten kampanye',
    send: 'Anda akan mengirim pesan berisi konten kampanye',
    follow: 'Anda akan mengikuti akun kampanye',
    subscribe: 'Anda akan berlangganan kanal kampanye',
    join: 'Anda akan bergabung dengan grup kampanye',
  },
  en: {
    like: 'You are about to like campaign content',
    react: 'You are about to react to campaign content',
    share: 'You are about to share campaign content',
    repost: 'You are about to repost campaign content',
    quote: 'You are about to quote campaign content',
    forward: 'You are about to forward campaign content',
    comment: 'You are about to comment on campaign content',
    reply: 'You are about to reply to campaign content',
    post: 'You are about to post campaign content',
    send: 'You are about to send a message with campaign content',
    follow: 'You are about to follow a campaign account',
    subscribe: 'You are about to subscribe to a campaign channel',
    join: 'You are about to join a campaign group',
  },
};

export function headline(lang: Language, action: ActionKind, detail?: ActionDetail): string {
  return HEADLINES[lang][detail ?? action];
}

export const STRINGS = {
  id: {
    brand: 'Jaga Netral',
    severity: { high: 'Risiko tinggi', medium: 'Risiko sedang', low: 'Risiko rendah' },
    matched: 'Yang terdeteksi',
    where: { text: 'teks', quoted: 'kutipan', author: 'penulis', handle: 'akun', hashtags: 'tagar', linkTitle: 'tautan', linkUrl: 'tautan', imageAlt: 'teks gambar', draft: 'tulisan Anda', group: 'grup/kanal' },
    why: 'Mengapa ini penting',
    whyText:
      'SKB Netralitas ASN 2022 melarang ASN membuat posting, comment, share, like, atau bergabung/follow dalam grup dan akun pemenangan calon. UU 20/2023 mewajibkan ASN menjaga netralitas.',
    sanctionLabel: 'Sanksi',
    sanctionText:
      'calon sudah ditetapkan: hukuman disiplin berat menurut PP 94/2021 (penurunan jabatan, pembebasan dari jabatan, atau pemberhentian); sebelum penetapan: sanksi moral.',
    whyShort: 'Menyukai, membagikan, mengomentari atau mengikuti konten kampanye dapat melanggar SKB Netralitas ASN 2022.',
    more: 'Pelajari aturannya',
    cancel: 'Batal',
    proceed: 'Tetap lanjutkan',
    blocked: 'Instansi Anda tidak mengizinkan tindakan ini.',
    reasonPrompt: 'Pilih alasan sebelum melanjutkan:',
    reasons: ['Konten berita atau informasi resmi', 'Bukan konten kampanye', 'Keperluan tugas (pengawasan/dokumentasi)', 'Lainnya'],
    reasonOther: 'Tulis alasan Anda',
    falsePositive: 'Salah deteksi?',
    reportIntro: 'Laporan ini belum dikirim. Baca, lalu salin atau kirim lewat surel jika Anda setuju.',
    reportCopy: 'Salin laporan',
    reportCopied: 'Tersalin',
    reportEmail: 'Kirim lewat surel',
    close: 'Tutup',
    reasonHint: 'Tombol "Tetap lanjutkan" aktif setelah Anda memilih alasan.',
    reasonTooShort: 'Tulis minimal 3 karakter.',
    excerpt: 'Kutipan konten',
    detectedIn: 'pada',
    moreNew: '(membuka tab baru)',
    reportEdit: 'Isi laporan (boleh Anda ubah sebelum dikirim)',
  },
  en: {
    brand: 'Jaga Netral',
    severity: { high: 'High risk', medium: 'Medium risk', low: 'Low risk' },
    matched: 'What was detected',
    where: { text: 'text', quoted: 'quote', author: 'author', handle: 'account', hashtags: 'hashtag', linkTitle: 'link', linkUrl: 'link', imageAlt: 'image text', draft: 'your draft', group: 'group/channel' },
    why: 'Why this matters',
    whyText:
      "The 2022 joint decree (SKB) on ASN neutrality forbids civil servants to post, comment, share, like, or join/follow a candidate's campaign group or account. UU 20/2023 requires ASN to stay neutral.",
    sanctionLabel: 'Sanction',
    sanctionText:
      'registered candidate: heavy discipline under PP 94/2021 (demotion, removal from post, or dismissal); before registration: a moral sanction.',
    whyShort: 'Liking, sharing, commenting on or following campaign content may breach the 2022 ASN neutrality decree.',
    more: 'Read the rules',
    cancel: 'Cancel',
    proceed: 'Continue anyway',
    blocked: 'Your agency does not allow this action.',
    reasonPrompt: 'Choose a reason before continuing:',
    reasons: ['News or official information', 'Not campaign content', 'Work duty (oversight/documentation)', 'Other'],
    reasonOther: 'Write your reason',
    falsePositive: 'Wrong detection?',
    reportIntro: 'This report has not been sent. Read it, then copy it or send it by e-mail if you agree.',
    reportCopy: 'Copy report',
    reportCopied: 'Copied',
    reportEmail: 'Send by e-mail',
    close: 'Close',
    reasonHint: 'The "Continue anyway" button turns on once you choose a reason.',
    reasonTooShort: 'Write at least 3 characters.',
    excerpt: 'Content excerpt',
    detectedIn: 'in',
    moreNew: '(opens a new tab)',
    reportEdit: 'Report text (you may edit it before sending)',
  },
} as const;

/**
 * "Aturan" (#aturan): the rules the dialog cites, with sources. Every fact here is from
 * docs checked against the sources named below; article numbers that the sources only report
 * second-hand (the SKB annex's item numbers) are left out on purpose.
 */
import { useStore } from '@/components/shared/store';
import type { Language } from '@/utils/settings';
import { DEFAULT_UPDATE_URLS } from '@/utils/trusted-keys';

const SOURCES = [
  {
    label: 'SKB Netralitas ASN 2022, halaman pertama (salinan pindaian)',
    href: 'https://www.scribd.com/document/602350661/SKB-Netralitas-ASN-22-September-2022',
  },
  {
    label: 'Kompas: jenis pelanggaran dan sanksi ASN tidak netral (6 Nov 2023)',
    href: 'https://www.kompas.com/tren/read/2023/11/06/133000265/potong-gaji-dan-pemberhentian-ini-jenis-pelanggaran-asn-tidak-netral-jelang?page=all',
  },
  {
    label: 'Merdeka: PNS dilarang like, comment dan share medsos capres dan peserta pemilu',
    href: 'https://www.merdeka.com/uang/pns-dilarang-like-comment-dan-share-medsos-capres-dan-peserta-pemilu-27999-mvk.html',
  },
  {
    label: 'Bawaslu Banten: PP 94 Tahun 2021',
    href: 'https://banten.bawaslu.go.id/2021/09/16/pp-94-tahun-2021-langgar-ketentuan-asn-bisa-dipecat/',
  },
  {
    label: 'Deras: pegawai non-ASN dan SE MenPANRB 1/2023',
    href: 'https://deras.id/pegawai-pemerintah-non-pns-bisa-kena-phk-jika-tak-jaga-netralitas-di-tahun-politik',
  },
];

function Id() {
  return (
    <>
      <p>
        Jaga Netral memperingatkan sebelum Anda menyukai, membagikan, mengomentari, memposting atau mengikuti konten
        kampanye. Ringkasan ini bukan nasihat hukum; untuk kepastian, rujuk teks resmi peraturannya.
      </p>
      <h3>SKB Netralitas ASN 2022</h3>
      <p>
        Keputusan Bersama Menteri PANRB (No. 2 Tahun 2022), Menteri Dalam Negeri (No. 800-5474 Tahun 2022), Kepala BKN
        (No. 246 Tahun 2022), Ketua KASN (No. 30 Tahun 2022) dan Ketua Bawaslu (No. 1447.1/PM.01/K.1/09/2022) tentang{' '}
        <em>Pedoman Pembinaan dan Pengawasan Netralitas Pegawai ASN dalam Penyelenggaraan Pemilihan Umum dan Pemilihan</em>,
        ditandatangani 22 September 2022.
      </p>
      <p>
        Lampirannya memuat sebagai pelanggaran: <q>membuat posting, comment, share, like, bergabung/follow dalam grup/akun
        pemenangan</q> calon presiden/wakil presiden, DPR, DPD, DPRD, gubernur, bupati, wali kota dan wakilnya. Juga
        memposting foto bersama calon, atau bersama tim sukses dengan simbol keberpihakan atau atribut partai.
      </p>
      <ul>
        <li>
          <strong>Sebelum calon ditetapkan</strong> (bakal calon): pelanggaran kode etik, dengan sanksi moral berupa pernyataan
          secara tertutup atau terbuka (PP 42/2004).
        </li>
        <li>
          <strong>Setelah calon ditetapkan</strong>: pelanggaran disiplin, dengan <strong>hukuman disiplin berat</strong> menurut PP
          94/2021.
        </li>
      </ul>
      <h3>PP 94/2021 tentang Disiplin PNS</h3>
      <p>Tingkat hukuman disiplin:</p>
      <ul>
        <li>Ringan: teguran lisan, teguran tertulis, atau pernyataan tidak puas secara tertulis.</li>
        <li>Sedang: pemotongan tunjangan kinerja 25% selama 6, 9 atau 12 bulan.</li>
        <li>
          Berat: penurunan jabatan setingkat lebih rendah selama 12 bulan, pembebasan dari jabatan menjadi jabatan pelaksana
          selama 12 bulan, atau pemberhentian dengan hormat tidak atas permintaan sendiri.
        </li>
      </ul>
      <p>Pelanggaran disiplin bukan delik aduan: atasan langsung yang mengetahuinya wajib menindaklanjuti. PP ini juga berlaku bagi CPNS.</p>
      <h3>UU 20/2023 tentang ASN</h3>
      <p>
        <q>Pegawai ASN harus bebas dari pengaruh dan intervensi semua golongan dan partai politik</q> (Pasal 9 ayat 2). ASN yang
        menjadi anggota atau pengurus partai politik diberhentikan tidak dengan hormat. Pengawasan netralitas yang dulu di
        KASN kini dijalankan BKN.
      </p>
      <h3>PPPK dan pegawai non-ASN</h3>
      <p>
        PPPK dikenai disiplin menurut PP 49/2018 dan perjanjian kerjanya. Pegawai pemerintah non-ASN (honorer/PPNPN) wajib
        netral menurut SE MenPANRB No. 1 Tahun 2023, dengan sanksi sampai pemutusan hubungan kerja.
      </p>
      <h3>Bagaimana Jaga Netral memutuskan</h3>
      <p>
        Aturan deteksi berisi nama calon, pasangan dan nomor urutnya, partai, tagar, slogan dan akun kampanye, beserta masa
        berlakunya. Kata sehari-hari yang juga singkatan pasangan (mis. <q>AMIN</q>, <q>PAGI</q>) hanya dihitung bila ada
        konteks pemilu. Semua pemeriksaan berjalan di perangkat Anda; tidak ada teks yang dikirim.
      </p>
    </>
  );
}

function En() {
  return (
    <>
      <p>
        Jaga Netral warns before you like, share, comment on, post or follow campaign content. This summary is not legal
        advice; for certainty, refer to the official texts.
      </p>
      <h3>The 2022 joint decree (SKB) on ASN neutrality</h3>
      <p>
        Joint decision of the Minister for Administrative Reform (No. 2/2022), the Minister of Home Affairs (No.
        800-5474/2022), the head of BKN (No. 246/2022), the chair of KASN (No. 30/2022) and the chair of Bawaslu (No.
        1447.1/PM.01/K.1/09/2022) on guidance and oversight of ASN neutrality in elections, signed on 22 September 2022.
      </p>
      <p>
        Its annex lists as a violation: <q>making posts, comments, shares or likes, or joining/following a campaign group or
        account</q> of a candidate for president/vice-president, DPR, DPD, DPRD, governor, regent or mayor and their
        deputies; and posting photos with a candidate, or with a campaign team showing partisan symbols or party attributes.
      </p>
      <ul>
        <li>
          <strong>Before candidates are registered</strong>: an ethics violation, with a moral sanction (a private or public
          statement, PP 42/2004).
        </li>
        <li>
          <strong>After registration</strong>: a discipline violation, with <strong>heavy discipline</strong> under PP 94/2021.
        </li>
      </ul>
      <h3>PP 94/2021 on civil-servant discipline</h3>
      <ul>
        <li>Light: oral reprimand, written reprimand, or a written statement of dissatisfaction.</li>
        <li>Moderate: a 25% cut in performance allowance for 6, 9 or 12 months.</li>
        <li>
          Heavy: demotion by one level for 12 months, removal to a non-managerial post for 12 months, or honourable
          dismissal not at one’s own request.
        </li>
      </ul>
      <p>A discipline violation is not a complaint offence: a direct superior who knows of it must act. It applies to CPNS too.</p>
      <h3>UU 20/2023 on ASN</h3>
      <p>
        ASN must be free from the influence and intervention of all groups and political parties (Article 9(2)). Party
        membership leads to dishonourable dismissal. Neutrality oversight, formerly KASN’s, is now done by BKN.
      </p>
      <h3>PPPK and non-ASN staff</h3>
      <p>
        PPPK are disciplined under PP 49/2018 and their contract. Non-ASN government staff (honorer/PPNPN) must stay neutral
        under MenPANRB circular 1/2023, with sanctions up to termination.
      </p>
      <h3>How Jaga Netral decides</h3>
      <p>
        The detection rules hold candidate names, pairs and ballot numbers, parties, hashtags, slogans and campaign accounts,
        with the dates they apply. Everyday words that double as pair acronyms (e.g. <q>AMIN</q>, <q>PAGI</q>) count only with
        election context. All checks run on your device; no text is sent.
      </p>
    </>
  );
}

/**
 * Where rule updates come from: the release's update URLs (build-time settings) and the agency's.
 * A build without a release channel says so: its rules change only through the agency's policy
 * (or a new version of the extension).
 */
function UpdateChannel({ lang }: { lang: Language }) {
  const { policy } = useStore();
  const agency = [...new Set([...(policy.updateUrls ?? []), ...(policy.updateSources ?? []).map((s) => s.url)])];
  const id = lang === 'id';
  const urls = (list: readonly string[]) => (
    <ul>
      {list.map((u) => (
        <li key={u}>
          <code>{u}</code>
        </li>
      ))}
    </ul>
  );
  return (
    <div data-testid="update-channel">
      <h3>{id ? 'Pembaruan aturan' : 'Rule updates'}</h3>
      {DEFAULT_UPDATE_URLS.length > 0 ? (
        <>
          <p>{id ? 'Aturan bertanda tangan diunduh dari alamat rilis ini:' : 'Signed rules are downloaded from this release address:'}</p>
          {urls(DEFAULT_UPDATE_URLS)}
        </>
      ) : (
        <p>
          {id
            ? 'Versi ini tidak punya alamat pembaruan bawaan: aturan baru datang hanya dari kebijakan instansi Anda (atau versi ekstensi yang baru).'
            : "This version has no built-in update address: new rules come only from your agency's policy (or a new version of the extension)."}
        </p>
      )}
      {agency.length > 0 && (
        <>
          <p>{id ? 'Alamat dari kebijakan instansi:' : "Addresses from your agency's policy:"}</p>
          {urls(agency)}
        </>
      )}
    </div>
  );
}

export function RulesInfo({ lang }: { lang: Language }) {
  return (
    <div className="rules-info">
      {lang === 'id' ? <Id /> : <En />}
      <UpdateChannel lang={lang} />
      <h3>{lang === 'id' ? 'Sumber' : 'Sources'}</h3>
      <ul className="sources">
        {SOURCES.map((s) => (
          <li key={s.href}>
            <a href={s.href} target="_blank" rel="noreferrer">
              {s.label}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

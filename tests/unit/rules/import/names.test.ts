import { describe, expect, it } from 'vitest';
import { cleanName, fixCapitals, nameVariants, splitPair, stripTitles } from '../../../../rules/import/names.ts';

describe('stripTitles: academic and religious titles before and after the name', () => {
  // [as a data set writes it, as people write it]
  const table: [string, string][] = [
    ['Dr. BUDI SANTOSO', 'BUDI SANTOSO'],
    ['Drs. BUDI SANTOSO', 'BUDI SANTOSO'],
    ['Dra. SITI AMINAH', 'SITI AMINAH'],
    ['Ir. BUDI SANTOSO', 'BUDI SANTOSO'],
    ['H. BUDI SANTOSO', 'BUDI SANTOSO'],
    ['Hj. SITI AMINAH', 'SITI AMINAH'],
    ['K.H. ABDUL WAHID', 'ABDUL WAHID'],
    ['KH ABDUL WAHID', 'ABDUL WAHID'],
    ['Prof. Dr. H. M. MAHFUD MD', 'M. MAHFUD MD'],
    ['dr. RINA WATI, Sp.OG', 'RINA WATI'],
    ['drg. RINA WATI', 'RINA WATI'],
    ['Dr. (H.C.) H. A. MUHAIMIN ISKANDAR', 'A. MUHAIMIN ISKANDAR'],
    ['BUDI SANTOSO, S.H.', 'BUDI SANTOSO'],
    ['BUDI SANTOSO, S.E., M.M.', 'BUDI SANTOSO'],
    ['BUDI SANTOSO, S.Sos., M.Si.', 'BUDI SANTOSO'],
    ['SITI AMINAH, S.Pd., M.Pd.', 'SITI AMINAH'],
    ['ABDUL RAUF, S.Ag.', 'ABDUL RAUF'],
    ['BUDI SANTOSO S.H. M.H.', 'BUDI SANTOSO'],
    ['BUDI SANTOSO, SH, MH', 'BUDI SANTOSO'],
    ['BUDI SANTOSO SH MSi', 'BUDI SANTOSO'],
    ['H BUDI SANTOSO SE', 'BUDI SANTOSO'],
    ['H. ANIES RASYID BASWEDAN, Ph.D.', 'ANIES RASYID BASWEDAN'],
    ['H. GANJAR PRANOWO, S.H., M.I.P.', 'GANJAR PRANOWO'],
    ['Dr. Edhie Baskoro Yudhoyono, B.Com., M.Sc.', 'Edhie Baskoro Yudhoyono'],
    ['MUHAMAD SHOLIHIN, S.Sos.I.', 'MUHAMAD SHOLIHIN'],
    ['Dr. Hj. IEMAS MASITHOH M. NOOR, M.H.', 'IEMAS MASITHOH M. NOOR'],
    ['Mayjen TNI (Purn.) BUDI SANTOSO', 'BUDI SANTOSO'],
    ['HARABDU', 'HARABDU'],
    // shapes of the KPU Sirekap Pilkada 2024 files (the names here are invented)
    ['Hi. BUDI SANTOSO, S.H.', 'BUDI SANTOSO'],
    ['Pnt. BUDI SANTOSO', 'BUDI SANTOSO'],
    ['Pt. BUDI SANTOSO', 'BUDI SANTOSO'],
    ['Pdt. BUDI SANTOSO', 'BUDI SANTOSO'],
    ['RD. BUDI SANTOSO', 'BUDI SANTOSO'],
    ['Capt. Drs. BUDI SANTOSO, M.M., M.Mar', 'BUDI SANTOSO'],
    ['BUDI SANTOSO IR', 'BUDI SANTOSO'],
    ['BUDI SANTOSO, S.IP., MKP', 'BUDI SANTOSO'],
    ['BUDI SANTOSO, S.IP., Kp.', 'BUDI SANTOSO'],
    ['BUDI SANTOSO, S.Kep.,Ns.', 'BUDI SANTOSO'],
    ['Dr. DT. BUDI SANTOSO, S.Hut., M.Sc.', 'BUDI SANTOSO'],
    ['Ir. H. BUDI SANTOSO, M.M., Dt. TAN BASA', 'BUDI SANTOSO'],
    ['H. BUDI, S.Pd., M.M., Datuk Bilang', 'BUDI'],
    ['H. BUDI SANTOSO, Dr., M.Pd', 'BUDI SANTOSO'],
    ['H. BUDI SANTOSO, BSBA', 'BUDI SANTOSO'],
    ['Drs. BUDI SANTOSO, DPT', 'BUDI SANTOSO'],
    ['BUDI, SE, MM, Ak, CA, CPA, CFI', 'BUDI'],
    ['BUDI SANTOSO, AP., M.Si.', 'BUDI SANTOSO'],
    ['H. BUDI SANTOSO, S.E., MSA.', 'BUDI SANTOSO'],
    ['H. BUDI SANTOSO, ST., MAppCom', 'BUDI SANTOSO'],
    ['dr. H. Budi, SpOG, MM', 'Budi'],
    ['dr. BUDI SANTOSO, SpM', 'BUDI SANTOSO'],
    ['dr. BUDI SANTOSO, SpB. Subsp.BD (K)', 'BUDI SANTOSO'],
    ['dr. BUDI SANTOSO, M.Biomed, Sp.OG', 'BUDI SANTOSO'],
    ['Drs. BUDI SANTOSO, M. Si', 'BUDI SANTOSO'],
    ['dr. H. BUDI SANTOSO, M.Ked (PD)., Sp.PD.', 'BUDI SANTOSO'],
    ['H. BUDI SANTOSO, B.BUS. (Acc), M.IB.', 'BUDI SANTOSO'],
    ['Brigjen Pol (Purn) DR. dr. BUDI SANTOSO, Sp.OG, M.Kes', 'BUDI SANTOSO'],
  ];
  it.each(table)('%s → %s', (raw, expected) => {
    expect(stripTitles(raw).name).toBe(expected);
  });

  it('keeps a middle initial and does not take a name for a title', () => {
    expect(stripTitles('IEMAS M. NOOR').name).toBe('IEMAS M. NOOR');
    expect(stripTitles('HASAN BASRI').name).toBe('HASAN BASRI');
    expect(stripTitles('HJ').name).toBe('HJ'); // nothing but a title: left alone, not emptied
  });

  it('a dot after a whole word is no initial: "MAWARDI. R", "DANI. M. NURSALAM", "TOTOK. SH"', () => {
    expect(stripTitles('H. BUDIMAN. R, S.IP.').name).toBe('BUDIMAN R');
    expect(stripTitles('H. DANI. M. SANTOSO, S.Pi., M.Si').name).toBe('DANI M. SANTOSO');
    expect(stripTitles('TOTOK. SH, S.Sos.').name).toBe('TOTOK');
    expect(stripTitles('Drs. H. BUDI SANTOSO.').name).toBe('BUDI SANTOSO');
    // abbreviations keep their dot
    expect(stripTitles('MUH. BUDI SANTOSO').name).toBe('MUH. BUDI SANTOSO');
    expect(stripTitles('MOHD. AMIN').name).toBe('MOHD. AMIN');
    expect(stripTitles('H. MZ. BUDI SANTOSO').name).toBe('MZ. BUDI SANTOSO');
  });

  it('a nickname in parentheses is kept apart, titles in parentheses are not nicknames', () => {
    expect(stripTitles('H. BUDI SANTOSO, S.E., M.M. (AYAH BUDI)')).toMatchObject({ name: 'BUDI SANTOSO', nicknames: ['AYAH BUDI'] });
    expect(stripTitles('RUSLAN (TAMBO)')).toMatchObject({ name: 'RUSLAN', nicknames: ['TAMBO'] });
    expect(stripTitles('BUDI SANTOSO (SYECH BUDI) ')).toMatchObject({ name: 'BUDI SANTOSO', nicknames: ['SYECH BUDI'] });
    expect(stripTitles('BUDI SANTOSO (CHEK BUDI), M.Si.')).toMatchObject({ name: 'BUDI SANTOSO', nicknames: ['CHEK BUDI'] });
    expect(stripTitles('BUDI SANTOSO, S.STP., M.Si (Hoji Obon)')).toMatchObject({ name: 'BUDI SANTOSO', nicknames: ['Hoji Obon'] });
    for (const raw of ['dr. BUDI SANTOSO, Sp.OG (K)', 'Letkol. (Purn) BUDI SANTOSO, S.A.P.', 'Brigjen (P) BUDI SANTOSO', 'Dr.(C) BUDI SANTOSO, S.E.', 'BUDI SANTOSO, B.Sc. (Hons)., M.T.', 'BUDI SANTOSO, M.Si.(Han)., M.B.A.'])
      expect(stripTitles(raw), raw).toMatchObject({ name: 'BUDI SANTOSO', nicknames: [] });
  });

  it('lists what it removed', () => {
    expect(stripTitles('Dr. H. BUDI SANTOSO, S.H., M.Si.').titles).toEqual(['Dr.', 'H.', 'S.H.', 'M.Si.']);
  });
});

describe('fixCapitals: ALL CAPS to Title Case, keeping particles and acronyms', () => {
  const table: [string, string][] = [
    ['BUDI SANTOSO', 'Budi Santoso'],
    ['M. MAHFUD MD', 'M. Mahfud MD'],
    ['AHSAN AS\'AD SAID', 'Ahsan As\'ad Said'],
    ['HASANI BIN ZUBER', 'Hasani bin Zuber'],
    ['SITI BINTI AHMAD', 'Siti binti Ahmad'],
    ['ROBERT VAN DER BERG', 'Robert van der Berg'],
    ['HAMENGKU BUWONO X', 'Hamengku Buwono X'],
    ['SRI SULTAN HAMENGKUBUWONO II', 'Sri Sultan Hamengkubuwono II'],
    ['ABDUL-RAHMAN', 'Abdul-Rahman'],
    ['Edhie Baskoro Yudhoyono', 'Edhie Baskoro Yudhoyono'],
    ['AIRIN RACHMI DIANY', 'Airin Rachmi Diany'],
    // initials joined by dots stay capitals
    ['Y.A.T LUKMAN RIBERU', 'Y.A.T Lukman Riberu'],
    ['A.M. ARHAM BASMIN', 'A.M. Arham Basmin'],
    ['AUGUSTE C.R SAGRIM', 'Auguste C.R Sagrim'],
    ['WA ODE HAMSINAH BOLU', 'Wa Ode Hamsinah Bolu'],
    ['HERI AL HILAL', 'Heri Al Hilal'],
  ];
  it.each(table)('%s → %s', (raw, expected) => {
    expect(fixCapitals(raw)).toBe(expected);
  });
  it('keeps a particle capitalised when it opens the name', () => {
    expect(fixCapitals('BIN LADEN')).toBe('Bin Laden');
  });
});

describe('cleanName, splitPair and nameVariants', () => {
  it('cleans a KPU-style name end to end', () => {
    expect(cleanName('Prof. Dr. H. M. MAHFUD MD').name).toBe('M. Mahfud MD');
    expect(cleanName('  Hj.  DASWATI,  S.H., M.H. ').name).toBe('Daswati');
  });
  it('cleans a nickname as a name: capitals fixed', () => {
    expect(cleanName('H. BUDI SANTOSO, S.E. (AYAH BUDI)')).toMatchObject({ name: 'Budi Santoso', nicknames: ['Ayah Budi'] });
    expect(cleanName('BUDI SANTOSO').nicknames).toEqual([]);
  });
  it('splits a pair written "head - deputy"', () => {
    expect(splitPair('H. PRABOWO SUBIANTO - GIBRAN RAKABUMING RAKA')).toEqual(['H. PRABOWO SUBIANTO', 'GIBRAN RAKABUMING RAKA']);
    expect(splitPair('ABDUL-RAHMAN – SITI AMINAH')).toEqual(['ABDUL-RAHMAN', 'SITI AMINAH']);
    expect(splitPair('BUDI SANTOSO')).toEqual(['BUDI SANTOSO']);
    // the empty box of a single-pair race has no deputy: "KOLOM KOSONG - "
    expect(splitPair('KOLOM KOSONG - ')).toEqual(['KOLOM KOSONG']);
    expect(splitPair('KOLOM KOSONG -')).toEqual(['KOLOM KOSONG']);
  });
  it('offers the name without initials as the form people write', () => {
    expect(nameVariants('M. Mahfud MD')).toEqual(['Mahfud MD']);
    expect(nameVariants('A. Muhaimin Iskandar')).toEqual(['Muhaimin Iskandar']);
    expect(nameVariants('Budi Santoso')).toEqual([]);
    expect(nameVariants('M. Noor')).toEqual([]); // one word left: too short to stand alone
  });
});

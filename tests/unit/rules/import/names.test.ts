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
  ];
  it.each(table)('%s → %s', (raw, expected) => {
    expect(stripTitles(raw).name).toBe(expected);
  });

  it('keeps a middle initial and does not take a name for a title', () => {
    expect(stripTitles('IEMAS M. NOOR').name).toBe('IEMAS M. NOOR');
    expect(stripTitles('HASAN BASRI').name).toBe('HASAN BASRI');
    expect(stripTitles('HJ').name).toBe('HJ'); // nothing but a title: left alone, not emptied
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
  it('splits a pair written "head - deputy"', () => {
    expect(splitPair('H. PRABOWO SUBIANTO - GIBRAN RAKABUMING RAKA')).toEqual(['H. PRABOWO SUBIANTO', 'GIBRAN RAKABUMING RAKA']);
    expect(splitPair('ABDUL-RAHMAN – SITI AMINAH')).toEqual(['ABDUL-RAHMAN', 'SITI AMINAH']);
    expect(splitPair('BUDI SANTOSO')).toEqual(['BUDI SANTOSO']);
  });
  it('offers the name without initials as the form people write', () => {
    expect(nameVariants('M. Mahfud MD')).toEqual(['Mahfud MD']);
    expect(nameVariants('A. Muhaimin Iskandar')).toEqual(['Muhaimin Iskandar']);
    expect(nameVariants('Budi Santoso')).toEqual([]);
    expect(nameVariants('M. Noor')).toEqual([]); // one word left: too short to stand alone
  });
});

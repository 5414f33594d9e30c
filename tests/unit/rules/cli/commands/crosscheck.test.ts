import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jaga, tempDir } from '../helpers.ts';

/** Sirekap-shaped files for the real rules: Kota Surakarta with a planted wrong deputy, and Jawa Timur as it is. */
function files(surakartaDeputy: string): [string, string] {
  const dir = tempDir();
  const pkwkk = join(dir, 'pkwkk.json');
  const pkwkp = join(dir, 'pkwkp.json');
  writeFileSync(
    pkwkk,
    JSON.stringify({
      '3372': {
        '1': { nama: 'Dr. Ir. TEGUH PRAKOSA, M.M. - BAMBANG NUGROHO', nomor_urut: 1 },
        '2': { nama: `RESPATI ACHMAD ARDIANTO, S.H., M.Kn. - ${surakartaDeputy}`, nomor_urut: 2 },
      },
    }),
  );
  writeFileSync(
    pkwkp,
    JSON.stringify({
      '35': {
        '1': { nama: 'LULUK NUR HAMIDAH - LUKMANUL KHAKIM', nomor_urut: 1 },
        '2': { nama: 'KHOFIFAH INDAR PARAWANSA - EMIL ELESTIANTO DARDAK', nomor_urut: 2 },
        '3': { nama: 'TRI RISMAHARINI - K.H. ZAHRUL AZHAR ASUMTA', nomor_urut: 3 },
      },
    }),
  );
  return [pkwkk, pkwkp];
}

describe('jaga crosscheck', () => {
  it('passes when the races in the files agree, the others counted as not in Sirekap', async () => {
    const r = await jaga('crosscheck', files('ASTRID WIDAYANI, S.S., S.H., M.M.'));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/races +\d+: agree 2 \(100\.0% of 2 in Sirekap\), differ 0, not in Sirekap \d+/);
  });

  it('fails on a planted wrong name and names the race, the number and both names', async () => {
    const r = await jaga('crosscheck', files('SITI RAHAYU'));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/33\.72 +pilwalkot-surakarta-2024 +differ +no\. 2 deputy: rules "Astrid Widayani", KPU "SITI RAHAYU"/);
  });

  it('refuses a broken file with its name, and wrong usage with exit code 2', async () => {
    const [pkwkk] = files('X');
    const dir = tempDir();
    const broken = join(dir, 'pkwkp.json');
    writeFileSync(broken, '{"35": {"1": {"nama": "A - B", "nomor_urut": "satu"}}}');
    const r = await jaga('crosscheck', [pkwkk, broken]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${broken}: not a Sirekap candidate file`);
    expect((await jaga('crosscheck', [pkwkk])).code).toBe(2);
  });
});

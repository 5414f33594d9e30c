import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { TodayPhases } from '@/components/shared/TodayPhases';
import { compileBundle } from '@/rules/compile';
import { devBundle } from '../../../unit/rules/helpers';

const compiled = JSON.parse(JSON.stringify(compileBundle(devBundle())));
const at = (iso: string) => Date.parse(iso);

afterEach(cleanup);

describe('TodayPhases', () => {
  it('says between elections that no contest is live and that parties still count (Indonesian first)', () => {
    render(<TodayPhases compiled={compiled} now={at('2026-12-06T10:00:00+07:00')} language="id" />);
    expect(screen.getByTestId('today-phases').textContent).toBe(
      'Hari ini: 0 kontestasi masa kampanye, 0 pemungutan suara, 0 pemungutan ulang. Nama, lambang dan akun partai politik tetap dihitung.',
    );
  });

  it('counts the contests in campaign and at the polls on their days', () => {
    render(<TodayPhases compiled={compiled} now={at('2024-01-20T10:00:00+07:00')} language="id" />);
    expect(screen.getByTestId('today-phases').textContent).toMatch(/^Hari ini: 1 kontestasi masa kampanye, 0 pemungutan suara, 0 pemungutan ulang\./);
    cleanup();
    render(<TodayPhases compiled={compiled} now={at('2024-11-27T10:00:00+07:00')} language="en" />);
    expect(screen.getByTestId('today-phases').textContent).toBe(
      'Today: 0 contests campaigning, 3 voting, 0 re-voting. Party names, symbols and accounts still count.',
    );
  });

  it('falls back to "in season" for rules compiled without phase kinds, and shows nothing for unreadable rules', () => {
    const old = { ...compiled, contests: compiled.contests.map(({ phases: _p, ...c }: Record<string, unknown>) => c) };
    render(<TodayPhases compiled={old} now={at('2024-01-20T10:00:00+07:00')} language="id" />);
    expect(screen.getByTestId('today-phases').textContent).toMatch(/^Hari ini: 1 kontestasi dalam tahapan pemilu\./);
    cleanup();
    const { container } = render(<TodayPhases compiled={{ contests: 'rusak' }} now={0} language="id" />);
    expect(container.textContent).toBe('');
  });
});

/**
 * The trainer's choices that are not the model itself: how sources are spread over the folds of a
 * leave-sources-out cross-validation, and the augmentation named on the command line.
 */
import { describe, expect, it } from 'vitest';
import { augmentationFromArgs, keepsExample, sourceFolds, turnsCopies } from '../../../../scripts/photos/train-options';

const files = (source: string, n: number) => Array.from({ length: n }, (_, i) => `${source}/${i}.jpg`);

describe('sourceFolds', () => {
  it('keeps each source in one fold and spreads the photos near evenly, biggest first', () => {
    const all = [
      ...files('a', 200),
      ...files('b', 180),
      ...files('c', 100),
      ...files('d', 60),
      ...files('e', 58),
      ...files('f', 15),
      ...files('g', 12),
    ];
    const folds = sourceFolds(all, 3);
    expect(folds.get('a')).toBe(0);
    expect(folds.get('b')).toBe(1);
    expect(folds.get('c')).toBe(2);
    const sizes = [0, 0, 0];
    for (const f of all) sizes[folds.get(f.split('/')[0]!)!]!++;
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(60);
    expect(sourceFolds([...all].reverse(), 3)).toEqual(folds);
  });
  it('refuses more folds than sources', () => {
    expect(() => sourceFolds([...files('a', 3), ...files('b', 3)], 5)).toThrow(/2 sources cannot fill 5 folds/);
  });
});

describe('augmentationFromArgs', () => {
  it('is the committed augmentation without --views', () => {
    expect(augmentationFromArgs(['node', 'train.ts', '--pool'])).toEqual({ kind: 'legacy' });
  });
  it('reads copies, limits and the landmarks turned', () => {
    expect(augmentationFromArgs(['node', 'train.ts', '--views', '6', '--yaw', '45', '--pitch', '30', '--view-source', 'image'])).toEqual({
      kind: 'views',
      copies: 6,
      limits: { yaw: 45, pitch: 30, roll: 0 },
      source: 'image',
    });
  });
  it('keeps the no-sign class unturned with --none-unturned (jitter only), and turns every class without it', () => {
    const aug = augmentationFromArgs(['node', 'train.ts', '--views', '4', '--yaw', '45', '--none-unturned']);
    expect(aug).toEqual({ kind: 'views', copies: 4, limits: { yaw: 45, pitch: 0, roll: 0 }, source: 'world', noneUnturned: true });
    expect(turnsCopies(aug, 'none')).toBe(false);
    expect(turnsCopies(aug, 'two')).toBe(true);
    const all = augmentationFromArgs(['node', 'train.ts', '--views', '4', '--yaw', '45']);
    expect(turnsCopies(all, 'none')).toBe(true);
  });
  it('refuses --none-unturned without --views', () => {
    expect(() => augmentationFromArgs(['node', 'train.ts', '--none-unturned'])).toThrow(/--none-unturned needs --views/);
  });
  it('says what is wrong with a bad value', () => {
    expect(() => augmentationFromArgs(['node', 'train.ts', '--views', 'many'])).toThrow(/--views takes a number of copies/);
    expect(() => augmentationFromArgs(['node', 'train.ts', '--views', '4', '--yaw', '120'])).toThrow(
      /--yaw takes a limit in degrees from 0 to 90, not 120/,
    );
    expect(() => augmentationFromArgs(['node', 'train.ts', '--views', '4', '--view-source', 'depth'])).toThrow(
      /--view-source must be world or image/,
    );
  });
});

describe('keepsExample', () => {
  const none = new Set<string>();
  it('drops every example of a set left out', () => {
    expect(keepsExample('kaust-rps/a.jpg', 'none', new Set(['kaust-rps']), none)).toBe(false);
    expect(keepsExample('asl-digits/a.jpg', 'two', new Set(['kaust-rps']), none)).toBe(true);
  });
  it('keeps only the no-sign hands of a set taken for them', () => {
    const noneOnly = new Set(['asl-alphabet-grassknoted']);
    expect(keepsExample('asl-alphabet-grassknoted/A1.jpg', 'none', none, noneOnly)).toBe(true);
    expect(keepsExample('asl-alphabet-grassknoted/V1.jpg', 'two', none, noneOnly)).toBe(false);
    expect(keepsExample('asl-digits/2.jpg', 'two', none, noneOnly)).toBe(true);
  });
});

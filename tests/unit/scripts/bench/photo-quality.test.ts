/**
 * The photo-quality bench reports the fresh sources' report photos apart: the sets it names must be
 * the manifest's, and the only ones whose report split was not read before the third round.
 */
import { describe, expect, it } from 'vitest';
import { EIGHTH_DEV_SOURCES, EIGHTH_SOURCES, FOURTH_SOURCES, FRESH_SOURCES, NINTH_SOURCES, SEVENTH_SOURCES, SIXTH_SOURCES, TENTH_DEV_SOURCES } from '../../../../scripts/bench/photo-quality.ts';
import { readManifest } from '../../../../scripts/photos/real-eval.ts';

describe('photo-quality: the fresh sources', () => {
  it('names sets of the manifest that have report photos', () => {
    const manifest = readManifest();
    for (const set of FRESH_SOURCES) expect(manifest.some((p) => p.set === set && p.split === 'report'), set).toBe(true);
  });
  it('leaves out every set of the first two rounds', () => {
    for (const old of ['asl-digits', 'erikx50-manual', 'subhih-hands', 'face-recognition-examples', 'fingerpose', 'linto-gestures', 'coco-people'])
      expect(FRESH_SOURCES).not.toContain(old);
  });
});

describe("photo-quality: the fourth round's source", () => {
  it('is in the manifest with report photos, and in no earlier round', () => {
    const manifest = readManifest();
    for (const set of FOURTH_SOURCES) {
      expect(manifest.some((p) => p.set === set && p.split === 'report'), set).toBe(true);
      expect(FRESH_SOURCES).not.toContain(set);
    }
  });
});

describe("photo-quality: the sixth round's held-out sources", () => {
  it('are in the manifest with report photos only, and in no earlier round', () => {
    const manifest = readManifest();
    for (const set of SIXTH_SOURCES) {
      const photos = manifest.filter((p) => p.set === set);
      expect(photos.length, set).toBeGreaterThan(0);
      expect(photos.every((p) => p.split === 'report'), set).toBe(true);
      expect([...FRESH_SOURCES, ...FOURTH_SOURCES]).not.toContain(set);
    }
  });
});

describe("photo-quality: the seventh round's held-out source", () => {
  it('is in the manifest with report photos only, and in no earlier round', () => {
    const manifest = readManifest();
    for (const set of SEVENTH_SOURCES) {
      const photos = manifest.filter((p) => p.set === set);
      expect(photos.length, set).toBeGreaterThanOrEqual(150);
      expect(photos.every((p) => p.split === 'report'), set).toBe(true);
      expect([...FRESH_SOURCES, ...FOURTH_SOURCES, ...SIXTH_SOURCES]).not.toContain(set);
    }
  });
});

describe("photo-quality: the eighth round's sets", () => {
  it('holds its report source out whole, apart from every earlier round', () => {
    const manifest = readManifest();
    for (const set of EIGHTH_SOURCES) {
      const photos = manifest.filter((p) => p.set === set);
      expect(photos.length, set).toBeGreaterThanOrEqual(150);
      expect(photos.every((p) => p.split === 'report'), set).toBe(true);
      expect([...FRESH_SOURCES, ...FOURTH_SOURCES, ...SIXTH_SOURCES, ...SEVENTH_SOURCES]).not.toContain(set);
    }
  });
  it('takes its development sets into dev whole', () => {
    const manifest = readManifest();
    for (const set of EIGHTH_DEV_SOURCES) {
      const photos = manifest.filter((p) => p.set === set);
      expect(photos.length, set).toBeGreaterThan(0);
      expect(photos.every((p) => p.split === 'dev'), set).toBe(true);
      expect(EIGHTH_SOURCES).not.toContain(set);
    }
  });
});

describe("photo-quality: the ninth round's set", () => {
  it('holds its report source out whole, apart from every earlier round', () => {
    const manifest = readManifest();
    for (const set of NINTH_SOURCES) {
      const photos = manifest.filter((p) => p.set === set);
      expect(photos.length, set).toBeGreaterThanOrEqual(150);
      expect(photos.every((p) => p.split === 'report'), set).toBe(true);
      expect([...FRESH_SOURCES, ...FOURTH_SOURCES, ...SIXTH_SOURCES, ...SEVENTH_SOURCES, ...EIGHTH_SOURCES, ...EIGHTH_DEV_SOURCES]).not.toContain(set);
    }
  });
});

describe("photo-quality: the tenth round's development set", () => {
  it('takes it into dev whole, apart from every held-out set', () => {
    const manifest = readManifest();
    for (const set of TENTH_DEV_SOURCES) {
      const photos = manifest.filter((p) => p.set === set);
      expect(photos.length, set).toBeGreaterThanOrEqual(300);
      expect(photos.every((p) => p.split === 'dev'), set).toBe(true);
      expect([...FRESH_SOURCES, ...FOURTH_SOURCES, ...SIXTH_SOURCES, ...SEVENTH_SOURCES, ...EIGHTH_SOURCES, ...NINTH_SOURCES]).not.toContain(set);
    }
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countHashtags, distinctPosts, extractHashtags, parseArgs, readPosts } from '../../../../scripts/data/mine-hashtags.ts';

const FIXTURE = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'hashtags', 'posts.csv');

describe('extractHashtags', () => {
  it('takes each tag of a post once, as written, without #', () => {
    expect(extractHashtags('#AMINAjaDulu coblos 01 #AminAjaDulu #Pemilu2024')).toEqual(['AMINAjaDulu', 'Pemilu2024']);
  });

  it('skips URL fragments, tags glued to a word and tags of digits only', () => {
    expect(extractHashtags('lihat https://x.com/p#komentar, C#, a#b dan #2024 #02 #02Melanjutkan')).toEqual(['02Melanjutkan']);
  });

  it('reads letters beyond ASCII and stops at punctuation', () => {
    expect(extractHashtags('#JakartaMenyala! (#PramDoel) #Éclat.')).toEqual(['JakartaMenyala', 'PramDoel', 'Éclat']);
  });
});

describe('distinctPosts', () => {
  it('keeps the first of posts that differ only in case or spacing, and drops empty ones', () => {
    expect(distinctPosts(['Ayo #Aa', ' ayo  #aa ', '', '   ', 'Lain'])).toEqual(['Ayo #Aa', 'Lain']);
  });
});

describe('countHashtags', () => {
  it('counts distinct posts: a repeated post (case or spacing aside) counts once', () => {
    const counts = countHashtags(['Ayo #Aa', 'ayo   #aa', 'Lain #Aa #Bb', 'Lain #Aa #Bb']);
    expect(counts).toEqual([
      { tag: 'Aa', count: 2, forms: ['Aa'] },
      { tag: 'Bb', count: 1, forms: ['Bb'] },
    ]);
  });

  it('groups spellings of one tag without regard to case, the most frequent first', () => {
    const [top] = countHashtags(['#mendingprabowo satu', '#MendingPrabowo dua', '#mendingprabowo tiga']);
    expect(top).toEqual({ tag: 'mendingprabowo', count: 3, forms: ['mendingprabowo', 'MendingPrabowo'] });
  });
});

describe('the fixture data set', () => {
  it('reads the text column of a semicolon CSV and counts its tags', () => {
    const posts = readPosts(readFileSync(FIXTURE, 'utf8'), 'full_text');
    expect(posts).toHaveLength(4);
    const counts = countHashtags(posts);
    expect(counts.map((c) => [c.tag, c.count])).toEqual([
      ['GanjarMahfud2024', 2],
      ['Pilpres2024', 1],
      ['SahabatGanjar', 1],
    ]);
  });

  it('names the columns when the text column is missing', () => {
    expect(() => readPosts(readFileSync(FIXTURE, 'utf8'), 'text')).toThrow(/no column "text".*full_text/);
  });

  it('reads every line of a file as a post without a column', () => {
    expect(readPosts('satu #A\ndua #A\n')).toEqual(['satu #A', 'dua #A', '']);
  });
});

describe('parseArgs', () => {
  it('reads options and data sets', () => {
    expect(parseArgs(['--min', '3', '--column', 'Tweet', 'ghazafm=a.csv,b.csv', 'flat=c.csv'])).toEqual({
      options: { min: 3, column: 'Tweet' },
      sets: [
        { label: 'ghazafm', files: ['a.csv', 'b.csv'] },
        { label: 'flat', files: ['c.csv'] },
      ],
    });
  });

  it.each([
    [[], /no data set/],
    [['--min', '0', 'a=b'], /whole number/],
    [['--column'], /needs a value/],
    [['nofile'], /LABEL=FILE/],
  ])('rejects %j with a clear error', (argv, message) => expect(() => parseArgs(argv)).toThrow(message));
});

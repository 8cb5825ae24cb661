import { describe, expect, it } from 'vitest';
import { sheetNames } from './workbook';

describe('sheetNames', () => {
  it('keeps ids as they are, cuts them to Excel’s 31 characters and numbers clashes (case-insensitive, the summary included)', () => {
    const long = 'samtgemeinde-mit-einem-sehr-langen-namen';
    expect(sheetNames(['stadt-a', `${long}-1`, `${long}-2`, 'übersicht'])).toEqual([
      'stadt-a',
      'samtgemeinde-mit-einem-sehr-lan',
      'samtgemeinde-mit-einem-sehr-l~2',
      'übersicht~2',
    ]);
  });
});

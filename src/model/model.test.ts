import { describe, expect, it } from 'vitest';
import { compareIds } from './model';

describe('compareIds', () => {
  it('orders goal numbers numerically', () => {
    expect(['2.10', '10.1', '2.9', '1.1', '2.1'].sort(compareIds)).toEqual(['1.1', '2.1', '2.9', '2.10', '10.1']);
  });

  it('orders member ids as text', () => {
    expect(['stadt-b', 'gemeinde-a', 'gemeinde-10', 'gemeinde-9'].sort(compareIds)).toEqual(['gemeinde-9', 'gemeinde-10', 'gemeinde-a', 'stadt-b']);
  });
});

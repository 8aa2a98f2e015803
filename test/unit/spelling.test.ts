import { describe, expect, it } from 'vitest';
import { spellingsOf } from '../../src/domain/spelling.js';

const lower = (text: string) => text.toLowerCase();

describe('spellingsOf', () => {
  it('gives every spelling in use with the typed key, in the order given', () => {
    expect(spellingsOf('PÂTISSERIE', ['boulangerie', 'Pâtisserie', 'pâtisserie', 'patisserie'], lower)).toEqual([
      'Pâtisserie',
      'pâtisserie',
    ]);
  });

  it('gives none when nothing in use has the key', () => {
    expect(spellingsOf('viennoiserie', ['boulangerie', 'pâtisserie'], lower)).toEqual([]);
    expect(spellingsOf('pâtisserie', [], lower)).toEqual([]);
  });

  it('folds with the key it is given, not one of its own', () => {
    const firstWord = (text: string) => text.split(' ')[0]!;
    expect(spellingsOf('cold tea', ['cold food', 'Cold food', 'long wait'], firstWord)).toEqual(['cold food']);
  });

});

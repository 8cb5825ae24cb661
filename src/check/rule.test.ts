import { describe, expect, it } from 'vitest';
import { grundlageOf, grundlageSentence } from './rule';

describe('the source a rule rests on', () => {
  const rule = { id: 'fokus-hoechster-wert-einmal', category: 'leitlinie' as const };

  it('is the Verbund’s own wording where it names one, else the default of the rule’s category', () => {
    expect(grundlageOf(rule, { 'fokus-hoechster-wert-einmal': 'Leitlinie, Abschnitt 3' })).toBe('Leitlinie, Abschnitt 3');
    expect(grundlageOf(rule, {})).toBe('die Leitlinie des Verbunds');
    expect(grundlageOf({ id: 'x', category: 'empfehlung' }, undefined)).toBe('Empfehlung (nicht aus der Leitlinie)');
    expect(grundlageOf({ id: 'x', category: 'empfehlung', grundlage: 'Konvention des Werkzeugs' }, undefined)).toBe('Konvention des Werkzeugs');
  });

  it('ends a message with one full stop, also after a quoted sentence', () => {
    expect(grundlageSentence('Leitlinie, Abschnitt 3')).toBe('Grundlage: Leitlinie, Abschnitt 3.');
    expect(grundlageSentence('Leitlinie: „Jedes Ziel hat einen Fokus.“')).toBe('Grundlage: Leitlinie: „Jedes Ziel hat einen Fokus.“');
    expect(grundlageSentence('Leitlinie: „Jedes Ziel hat einen Fokus“')).toBe('Grundlage: Leitlinie: „Jedes Ziel hat einen Fokus“.');
  });
});

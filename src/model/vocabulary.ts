import type { Model } from './model';
import type { Verbund } from './types';

type Vokabular = Verbund['vokabular'];
export type VocabularyList = keyof Vokabular;

/** Every list of a Verbund's vocabulary, in the order of verbund.yaml. */
export const VOCABULARY_LISTS: readonly VocabularyList[] = ['mitgliedsarten', 'rollen', 'gremienebenen', 'sitzungsrhythmen', 'mehrheiten'];
export type Term = Vokabular[VocabularyList][number];

/** Roles every member has, whatever its Verbund calls the others: approvals rest on them. */
export const BUILT_IN_ROLES: readonly Term[] = [
  { id: 'hvb', name: 'HVB' },
  { id: 'vertretung', name: 'Allgemeine Vertretung' },
];

/**
 * The Verbund's own terms (governance/verbund.yaml, vokabular), looked up by id. Without a
 * loaded verbund.yaml every list is empty; that file's own finding explains why.
 */
export class Vocabulary {
  private readonly lists: ReadonlyMap<VocabularyList, ReadonlyMap<string, Term>>;

  constructor(vokabular: Vokabular | undefined) {
    const lists = new Map<VocabularyList, ReadonlyMap<string, Term>>();
    for (const list of VOCABULARY_LISTS) {
      const terms: readonly Term[] = [...(list === 'rollen' ? BUILT_IN_ROLES : []), ...(vokabular?.[list] ?? [])];
      lists.set(list, new Map(terms.map((term) => [term.id, term])));
    }
    this.lists = lists;
  }

  static of(model: Model): Vocabulary {
    return new Vocabulary(model.verbund?.vokabular);
  }

  term(list: VocabularyList, id: string): Term | undefined {
    return this.lists.get(list)!.get(id);
  }

  terms(list: VocabularyList): readonly Term[] {
    return [...this.lists.get(list)!.values()];
  }

  /** The display name of a term, or its id when the Verbund does not define it. */
  name(list: VocabularyList, id: string): string {
    return this.term(list, id)?.name ?? id;
  }

  /** The ids of the terms carrying a flag (e.g. rollen with schluesselrolle: true). */
  flagged(list: VocabularyList, flag: 'kreisschluessel' | 'schluesselrolle' | 'jeFachdienst'): ReadonlySet<string> {
    return new Set(
      this.terms(list)
        .filter((term) => (term as Record<string, unknown>)[flag] === true)
        .map((term) => term.id),
    );
  }
}

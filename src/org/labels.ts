/** German labels for the values of the organisation data. */
export const ROLLE: Record<string, string> = {
  hvb: 'HVB',
  vertretung: 'Allgemeine Vertretung',
  cdo: 'CDO',
  digitalisierungsbeauftragte: 'Digitalisierungsbeauftragte',
  digitallotse: 'Digitallotse',
  informationssicherheitsbeauftragte: 'Informationssicherheitsbeauftragte',
  datenschutzbeauftragte: 'Datenschutzbeauftragte',
  ozgKoordination: 'OZG-Koordination',
};

export const AUFGABE: Record<string, string> = {
  entscheiden: 'entscheidet',
  planenUndUmsetzen: 'plant und setzt um',
  vorbereiten: 'bereitet vor',
};

export const RHYTHMUS: Record<string, string> = {
  woechentlich: 'wöchentlich',
  vierzehntaegig: 'vierzehntägig',
  monatlich: 'monatlich',
  quartalsweise: 'quartalsweise',
  halbjaehrlich: 'halbjährlich',
  jaehrlich: 'jährlich',
  nachBedarf: 'nach Bedarf',
};

export const MEHRHEIT: Record<string, string> = {
  einfach: 'einfache Mehrheit',
  absolut: 'absolute Mehrheit',
  zweiDrittel: 'Zweidrittelmehrheit',
};

export const OFFEN = 'offen';

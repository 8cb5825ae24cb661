/**
 * The starting vocabulary of a new Verbund besides its member kinds (which are the kinds it
 * names for its members): the roles, body levels, cadences and majorities the organisation
 * studies use. A Verbund edits them in governance/verbund.yaml.
 */
export const DEFAULT_VOKABULAR = {
  rollen: [
    { id: 'cdo', name: 'CDO', beschreibung: 'Chief Digital Officer', schluesselrolle: true },
    { id: 'digitalisierungsbeauftragte', name: 'Digitalisierungsbeauftragte' },
    { id: 'digitallotse', name: 'Digitallotse', beschreibung: 'Erste Anlaufstelle für digitale Fragen in einem Fachdienst.', jeFachdienst: true },
    { id: 'informationssicherheitsbeauftragte', name: 'Informationssicherheitsbeauftragte', schluesselrolle: true },
    { id: 'datenschutzbeauftragte', name: 'Datenschutzbeauftragte', schluesselrolle: true },
    { id: 'ozgKoordination', name: 'OZG-Koordination' },
  ],
  gremienebenen: [
    { id: 'politisch', name: 'politisch' },
    { id: 'strategisch', name: 'strategisch' },
    { id: 'koordinierend', name: 'koordinierend' },
    { id: 'operativ', name: 'operativ' },
    { id: 'beratend', name: 'beratend' },
  ],
  sitzungsrhythmen: [
    { id: 'woechentlich', name: 'wöchentlich' },
    { id: 'vierzehntaegig', name: 'vierzehntägig' },
    { id: 'monatlich', name: 'monatlich' },
    { id: 'quartalsweise', name: 'quartalsweise' },
    { id: 'halbjaehrlich', name: 'halbjährlich' },
    { id: 'jaehrlich', name: 'jährlich' },
    { id: 'nachBedarf', name: 'nach Bedarf' },
  ],
  mehrheiten: [
    { id: 'einfach', name: 'einfache Mehrheit' },
    { id: 'absolut', name: 'absolute Mehrheit' },
    { id: 'zweiDrittel', name: 'Zweidrittelmehrheit', anteil: '2/3' },
  ],
} as const;

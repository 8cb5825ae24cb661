import { DEFAULT_VOKABULAR } from './defaults';
import { slugOf, termOf } from './slug';

/** What `verbund init` is told: the Verbund's name and its members, each with its kind and, if known, its HVB's GitHub login. */
export interface InitAnswers {
  name: string;
  /** The Verbund's Kennung; derived from the name when absent. */
  id?: string;
  mitglieder: { name: string; art: string; github?: string }[];
  /** The day the scaffold is made (JJJJ-MM-TT): the date of the draft in the document history. */
  today: string;
}

/** A scaffold: file contents by path from the repository root, or the reasons it cannot be made. */
export type Scaffold = { files: Map<string, string> } | { errors: string[] };

/** Kinds whose members carry a Kreisschlüssel (the rule kreisschluessel-nur-kreis). */
const KREIS = new Set(['Landkreis', 'Kreis']);
const TERM = /^[A-Za-z][A-Za-z0-9]*(-[A-Za-z0-9]+)*$/;
const GITHUB_LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const LINE = /^[^\n\r]*\S[^\n\r]*$/;
const HEADER = (schema: string, depth: number) => `# yaml-language-server: $schema=${'../'.repeat(depth)}schemas/governance/${schema}.schema.json\n`;
/** A YAML scalar for any text the user typed: JSON strings are valid YAML 1.2 and escape everything. */
const q = (text: string) => JSON.stringify(text);
const flow = (entry: Record<string, string | boolean>) =>
  `{ ${Object.entries(entry)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? q(value) : String(value)}`)
    .join(', ')} }`;

/** The governance/ of a new Verbund: every value nobody has told yet is open, with the reason. */
export function scaffold(answers: InitAnswers): Scaffold {
  const errors = problems(answers);
  if (errors.length > 0) return { errors };
  // A kind may be written as its name ("Große kreisangehörige Stadt"): the file holds its Kennung.
  const members = answers.mitglieder.map((m) => ({ ...m, id: slugOf(m.name), art: termOf(m.art), artName: m.art }));
  const files = new Map<string, string>();
  files.set('governance/verbund.yaml', verbundFile(answers, members));
  files.set('governance/leitlinie/leitlinie.yaml', leitlinieFile(answers.name));
  files.set('governance/leitlinie/historie.yaml', historieFile(answers.today));
  files.set('governance/ressourcen/ressourcen.yaml', ressourcenFile());
  files.set('governance/gremien/hvb-runde.yaml', hvbRundeFile());
  files.set('policies/pruefregeln.yaml', pruefregelnFile());
  files.set('policies/freigaberegeln.yaml', freigaberegelnFile());
  for (const m of members) {
    files.set(`governance/mitglieder/${m.id}.yaml`, mitgliedFile(m));
    files.set(`governance/strategien/${m.id}.yaml`, strategieFile(m.id));
  }
  return { files };
}

function problems(answers: InitAnswers): string[] {
  const errors: string[] = [];
  if (!LINE.test(answers.name)) errors.push('Der Name des Verbunds fehlt oder ist mehrzeilig (--name).');
  const id = answers.id ?? slugOf(answers.name);
  if (!SLUG.test(id)) errors.push(`Die Kennung „${id}“ des Verbunds taugt nicht: nur a–z, 0–9 und Bindestrich, Umlaute umschreiben (ü → ue, ß → ss) (--id).`);
  if (answers.mitglieder.length === 0) errors.push('Bitte mindestens ein Mitglied angeben (--mitglied "Name:Art[:GitHub-Login]").');
  const seen = new Map<string, string>();
  answers.mitglieder.forEach((m, i) => {
    const which = `Mitglied ${i + 1} („${m.name}“)`;
    const slug = slugOf(m.name);
    if (!LINE.test(m.name) || slug === '') errors.push(`${which}: der Name fehlt oder enthält keinen Buchstaben und keine Ziffer.`);
    else if (seen.has(slug)) errors.push(`${which}: ergibt dieselbe Kennung „${slug}“ wie „${seen.get(slug)}“; Namen müssen sich unterscheiden.`);
    else seen.set(slug, m.name);
    if (!TERM.test(termOf(m.art))) {
      errors.push(
        `${which}: aus der Art „${m.art}“ lässt sich keine Kennung bilden; sie braucht am Anfang einen Buchstaben (z. B. Gemeinde, Verbandsgemeinde).`,
      );
    }
    if (m.github !== undefined && !GITHUB_LOGIN.test(m.github)) {
      errors.push(`${which}: „${m.github}“ ist keine GitHub-Kennung (Buchstaben, Ziffern und einzelne Bindestriche, höchstens 39 Zeichen).`);
    }
  });
  return errors;
}

function verbundFile(answers: InitAnswers, members: { id: string; art: string; artName: string }[]): string {
  // The member kinds are the ones the Verbund names, in order; a Kreis carries a Kreisschlüssel.
  const kinds = new Map<string, Record<string, string | boolean>>();
  for (const m of members) {
    if (!kinds.has(m.art)) kinds.set(m.art, { id: m.art, name: m.artName, ...(KREIS.has(m.art) ? { kreisschluessel: true } : {}) });
  }
  const vokabular = { mitgliedsarten: [...kinds.values()], ...DEFAULT_VOKABULAR };
  const lists = Object.entries(vokabular)
    .map(([list, terms]) => `  ${list}:\n${(terms as readonly Record<string, string | boolean>[]).map((t) => `    - ${flow(t)}`).join('\n')}`)
    .join('\n');
  return (
    HEADER('verbund', 1) +
    '# Der Verbund selbst. Mitglieder, Gremien und Ziele stehen je in eigenen Dateien.\n' +
    `apiVersion: verbund/v1\nid: ${answers.id ?? slugOf(answers.name)}\nname: ${q(answers.name)}\n` +
    '# Die Mitglieder (verbindliche Liste; je Mitglied eine Datei unter mitglieder/).\n' +
    `mitglieder:\n${members.map((m) => `  - ${m.id}`).join('\n')}\n` +
    '# Die Begriffe dieses Verbunds: die Arten der Mitglieder wie angegeben, Rollen, Ebenen,\n# Rhythmen und Mehrheiten als Vorschlag aus den Organisationsstudien. Bitte anpassen.\n' +
    `vokabular:\n${lists}\n`
  );
}

function leitlinieFile(name: string): string {
  return (
    HEADER('leitlinie', 2) +
    '# Die Leitlinie des Verbunds: je Abschnitt Nummer, Überschrift und Wortlaut, sobald sie vorliegt.\n' +
    `apiVersion: verbund/v1\ntitel: Digitalisierungsleitlinie\nherausgeber: ${q(name)}\nversion: "0.1"\n` +
    'abschnitte:\n  offen: Die Leitlinie ist noch nicht erfasst.\n'
  );
}

function historieFile(today: string): string {
  return (
    HEADER('historie', 2) +
    `apiVersion: verbund/v1\nversionen:\n  - version: "0.1"\n    datum: ${today}\n    status: entwurf\n` +
    '    vermerk: Repository mit verbund init angelegt; der Wortlaut der Leitlinie folgt.\n'
  );
}

function ressourcenFile(): string {
  const open = (what: string) => `\n      offen: ${what} ist noch nicht geschätzt.`;
  return (
    HEADER('ressourcen', 2) +
    'apiVersion: verbund/v1\nstellenbedarf:\n  einheit: VZA\n' +
    `  dauerhaftJeMitglied:\n    min:${open('Der dauerhafte Bedarf je Mitglied')}\n    max:${open('Der dauerhafte Bedarf je Mitglied')}\n` +
    `  einmaligVerbund:\n    min:${open('Der einmalige Bedarf des Verbunds')}\n    max:${open('Der einmalige Bedarf des Verbunds')}\n` +
    'itAufwand:\n  offen: Der IT-Aufwand ist noch nicht geschätzt.\n'
  );
}

function mitgliedFile(m: { id: string; name: string; art: string; github?: string }): string {
  const github = m.github ?? null;
  return (
    HEADER('mitglied', 2) +
    `apiVersion: verbund/v1\nid: ${m.id}\nname: ${q(m.name)}\nart: ${m.art}\n` +
    'einwohner:\n  offen: Noch keine Einwohnerzahl erfasst.\n' +
    '# Hauptverwaltungsbeamtin oder -beamter: gibt für das Mitglied frei (Freigabe als Merge-Review).\n' +
    'hvb:\n  amt: Hauptverwaltungsbeamtin oder Hauptverwaltungsbeamter\n  name:\n    offen: Noch nicht erfasst.\n' +
    (github ? `  github: ${q(github)}\n` : '  github:\n    offen: Noch keine GitHub-Kennung hinterlegt.\n') +
    '# Allgemeine Vertretung: gibt nur innerhalb einer erfassten Delegation frei.\n' +
    'vertretung:\n  offen: Noch nicht erfasst.\n' +
    'digitalisierungskontakt:\n  offen: Noch keine Funktionsadresse hinterlegt.\n' +
    'einheiten:\n  offen: Fachdienste und Stabsstellen sind noch nicht erfasst.\n' +
    'rollen:\n  offen: Rollen sind noch nicht erfasst.\n'
  );
}

function strategieFile(id: string): string {
  return HEADER('strategie', 2) + `apiVersion: verbund/v1\nmitglied: ${id}\nstatus:\n  offen: Noch keine eigene Strategie erfasst.\n`;
}

function pruefregelnFile(): string {
  return (
    '# yaml-language-server: $schema=../schemas/governance/pruefregeln.schema.json\n' +
    '# Schweregrade der Empfehlungsregeln für diesen Verbund: fehler, warnung oder aus.\n' +
    '# Alle Regeln mit Kategorie und Grundlage: npx verbund check --rules\n' +
    'apiVersion: verbund/v1\nschweregrade:\n' +
    '  # Ein neuer Verbund hat viele offene Werte: sichtbar, aber kein Hindernis.\n  offener-wert: warnung\n' +
    '# Worauf die Regeln der Leitlinie in diesem Verbund beruhen, in eigenen Worten, z. B.:\n' +
    '# grundlagen:\n#   fokus-hoechster-wert-einmal: "Leitlinie, Abschnitt Wirkung: „…“"\n'
  );
}

/** Every escalation needs a top body; the heads of administration of all members are the natural one to start with. */
function hvbRundeFile(): string {
  return (
    HEADER('gremium', 2) +
    '# Das oberste Gremium, bei dem jede Eskalation endet. Mit verbund init angelegt:\n# bitte an die eigene Organisation anpassen (weitere Gremien je eine Datei).\n' +
    'apiVersion: verbund/v1\nid: hvb-runde\nname: HVB-Runde\naufgabe: entscheiden\n' +
    'beschreibung: Runde der Hauptverwaltungsbeamtinnen und Hauptverwaltungsbeamten aller Mitglieder.\n' +
    'zusammensetzung:\n  - mitglieder: alle\n    rolle: hvb\nvorsitz:\n  offen: Noch nicht festgelegt.\nvorlageAn: []\n' +
    'ebene:\n  offen: Noch nicht festgelegt.\nsitzungsrhythmus:\n  offen: Noch nicht festgelegt.\nentscheidungsregel:\n  offen: Noch nicht festgelegt.\n'
  );
}

/** Approval to start with: a member's own files by its HVB, everything else by all HVB. */
function freigaberegelnFile(): string {
  return (
    '# yaml-language-server: $schema=../schemas/governance/freigaberegeln.schema.json\n' +
    '# Wer einer Änderung zustimmen muss (gelesen aus dem Basis-Commit jedes Pull Requests).\n' +
    '# Ein Anfang: bitte um Gremien (art: quorum), das Plattform-Team (art: gruppe) und\n# Beschlüsse (beschluss) ergänzen; Beispiel: examples/musterverbund/policies/.\n' +
    'apiVersion: verbund/v1\nstandard:\n  name: Alle HVB (Pfade ohne eigene Regel)\n  anforderungen:\n    - art: alle-hvb\n' +
    'regeln:\n  - id: eigene-dateien\n    name: Dateien eines Mitglieds\n    pfade:\n' +
    '      - governance/mitglieder/{mitglied}.yaml\n      - governance/strategien/{mitglied}.yaml\n' +
    '    anforderungen:\n      - art: hvb-des-mitglieds\n'
  );
}

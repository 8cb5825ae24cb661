import type { Severity } from '../findings/finding';

/**
 * Findings that come from the load stage and from exceptions rather than from a rule module.
 * They are integrity rules: never skipped, never waived (later stages rely on them), but listed with the rules.
 */
export const STAGE_RULES: readonly { id: string; severity: Severity; description: string }[] = [
  { id: 'datei-fehlt', severity: 'error', description: 'Pflichtdateien (verbund.yaml, leitlinie/, ressourcen/) sind vorhanden.' },
  {
    id: 'datei-unbekannt',
    severity: 'error',
    description: 'Jede Datei in governance/ liegt an einem bekannten Ort, endet auf .yaml und ist keine symbolische Verknüpfung.',
  },
  { id: 'datei-unlesbar', severity: 'error', description: 'Jede Datei und jeder Ordner in governance/ ist lesbar.' },
  {
    id: 'datei-steuerzeichen',
    severity: 'error',
    description:
      'Keine unsichtbaren Zeichen (Steuerzeichen außer Tabulator und Zeilenende, Breite-null- und Richtungszeichen), auch nicht als Escape-Sequenz in Anführungszeichen.',
  },
  { id: 'datei-zu-gross', severity: 'error', description: 'Eine Datei ist höchstens 1 MiB groß.' },
  { id: 'datei-kein-utf8', severity: 'error', description: 'Eine Datei ist gültig UTF-8-kodiert.' },
  {
    id: 'yaml-syntax',
    severity: 'error',
    description:
      'Eine Datei ist gültiges YAML 1.2 in der einfachen Schreibweise: keine Tags, keine Direktive außer %YAML 1.2, keine ?-Schlüssel, Kommentare mit Leerzeichen vor #, höchstens 100 Ebenen.',
  },
  { id: 'yaml-doppelter-schluessel', severity: 'error', description: 'Kein Schlüssel kommt in einer Zuordnung doppelt vor.' },
  { id: 'yaml-alias', severity: 'error', description: 'Keine Anker (&name) und Aliase (*name): jeder Wert steht ausgeschrieben; schützt vor Alias-Bomben.' },
  { id: 'yaml-reservierter-schluessel', severity: 'error', description: 'Keine Schlüssel wie __proto__, constructor oder prototype.' },
  { id: 'yaml-mehrere-dokumente', severity: 'error', description: 'Genau ein YAML-Dokument je Datei.' },
  {
    id: 'format-version',
    severity: 'error',
    description: 'Jede Datei nennt ihre Formatversion (apiVersion: verbund/v1), damit spätere Werkzeuge ältere Fassungen aus der Git-Historie lesen können.',
  },
  { id: 'schema-kommentar', severity: 'error', description: 'Die erste Zeile nennt das JSON Schema der Datei für den Editor.' },
  {
    id: 'schema',
    severity: 'error',
    description: 'Die Datei entspricht dem JSON Schema ihrer Art (schemas/governance/ des Werkzeugs, vorab übersetzt; --root wechselt nur die Daten).',
  },
  { id: 'pruefregeln-gueltig', severity: 'error', description: 'policies/pruefregeln.yaml nennt nur einstellbare Prüfregeln.' },
  {
    id: 'ausnahme-ohne-befund',
    severity: 'warning',
    description: 'Jede Ausnahme passt auf einen Befund (regel, gegenstand, pfad), für den sie beschlossen wurde.',
  },
  {
    id: 'ausnahme-gueltig',
    severity: 'error',
    description: 'Jede Ausnahme nennt eine verzichtbare Regel (nie eine Integritätsregel), steht nur einmal und ist nicht in der Zukunft datiert.',
  },
];

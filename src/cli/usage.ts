export const USAGE = `Aufruf: verbund <befehl> [optionen]

Befehle:
  check    Governance-Daten laden und prüfen (Schema und Regeln)
  org      Mitglieder mit HVB und Vertretung, Gremien mit Eskalation, Rollen, Strategien

Optionen für alle Befehle:
  --root DIR   Repository-Wurzel mit governance/ und policies/ (Standard: aktueller Ordner)
  --rev REV    die Daten aus einem Git-Commit lesen statt aus dem Arbeitsverzeichnis
               (z. B. --rev origin/main), ohne ihn auszuchecken
  --help       diese Hilfe

verbund check [--format text|json|github] [--skip REGEL]... [--verbose] [--today JJJJ-MM-TT]
  --format   text (Standard), json (maschinenlesbar) oder github (Anmerkungen im Pull Request)
  --skip     Regel nicht ausführen (mehrfach möglich); "verbund check --rules" listet alle Regeln
  --rules    die Regeln mit Kennung, Schwere und Beschreibung auflisten
  --verbose  alle Warnungen einzeln zeigen statt gleichartige zusammenzufassen
  --today    Stichtag für Datumsprüfungen (Standard: heute)

verbund org [--format text|json|svg] [--today JJJJ-MM-TT]
  --format   text (Standard), json oder svg (Organigramm nach Abbildung 6, auf die Standardausgabe)
  --today    Stichtag für Amtszeiten und Delegationen (Standard: heute)

Rückgabewerte: 0 in Ordnung, 1 Befunde (Fehler), 2 falscher Aufruf oder interner Fehler.
`;

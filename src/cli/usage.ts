export const USAGE = `Aufruf: verbund <befehl> [optionen]

Befehle:
  check       Governance-Daten laden und prüfen (Schema und Regeln)
  org         Mitglieder mit HVB und Vertretung, Gremien mit Eskalation, Rollen, Strategien
  approvals   HVB-Freigabe eines Pull Requests entscheiden (Regeln aus dem Basis-Commit)
  merge       einen freigegebenen Pull Request mergen, mit dem Nachweis der Freigabe im Commit
  audit       aus der Git-Historie nachprüfen, dass jede Änderung eine gültige Freigabe trägt
  codeowners  .github/CODEOWNERS aus Freigaberegeln und Mitgliedern schreiben
  plan        was jeder Pulumi-Stack anlegen würde, offline (ohne Cluster und Pulumi-CLI)
  costs       jeden Kostenposten nach seinem Schlüssel auf die Mitglieder verteilen, auf den Cent
  init        einen neuen Verbund anlegen: governance/ mit offenen Werten, sofort prüfbar

Optionen für alle Befehle:
  --root DIR   Repository-Wurzel mit governance/ und policies/ (Standard: aktueller Ordner)
  --rev REV    die Daten aus einem Git-Commit lesen statt aus dem Arbeitsverzeichnis
               (z. B. --rev origin/main), ohne ihn auszuchecken
  --help       diese Hilfe

verbund check [--format text|json|github] [--skip REGEL]... [--verbose] [--today JJJJ-MM-TT] [--base REV]
  --format   text (Standard), json (maschinenlesbar) oder github (Anmerkungen im Pull Request)
  --skip     Regel nicht ausführen (mehrfach möglich); "verbund check --rules" listet alle Regeln
  --rules    die Regeln mit Kennung, Art (Integrität, Leitlinie, Empfehlung), Schwere,
             Beschreibung und Grundlage auflisten
  --verbose  alle Warnungen einzeln zeigen statt gleichartige zusammenzufassen
  --today    Stichtag für Datumsprüfungen (Standard: heute)
  --base     mit dem Stand REV vergleichen (im Pull Request: origin/main): ändern sich Text oder
             Aufbau der Leitlinie, muss ihre Fassung steigen und die Dokumenthistorie sie nennen

verbund org [--format text|json|svg] [--today JJJJ-MM-TT]
  --format   text (Standard), json oder svg (Organigramm der Gremien, auf die Standardausgabe)
  --today    Stichtag für Amtszeiten und Delegationen (Standard: heute)

verbund approvals (--repo EIGENTÜMER/NAME --pr N | --snapshot DATEI) [--format text|json]
                  [--post] [--api-url URL] [--save-snapshot DATEI] [--now ZEITPUNKT]
  --repo, --pr     den Pull Request bei GitHub lesen (Token aus GITHUB_TOKEN)
  --snapshot       eine gespeicherte Momentaufnahme offline auswerten
  --post           das Ergebnis als Check „HVB-Freigabe“ am Kopf-Commit eintragen; nach einem
                   Fehler wird der Check „nicht prüfbar“ (nie bleibt ein alter Erfolg stehen)
  --head-sha SHA   Kopf-Commit für „nicht prüfbar“, falls der Pull Request nicht lesbar ist
  --base-rev REV   Regeln und Identitäten aus REV lesen (z. B. HEAD: der aktuelle Stand des
                   Basis-Branches) statt aus dem Basis-Commit des Pull Requests
  --save-snapshot  die gelesene Momentaufnahme speichern (für --snapshot und das Audit)
  Regeln und Identitäten liest approvals aus dem Basis-Commit (git), nie aus dem Pull Request.
  --format   text (Standard) oder json (Entscheidungsprotokoll, schemas/output/approvals.schema.json)
  Rückgabe: 0 freigegeben, 1 nicht freigegeben, 2 etwas war nicht lesbar

verbund audit [--branch REV] [--format text|json|html] [--from JJJJ-MM-TT] [--to JJJJ-MM-TT]
              [--out DATEI] [--repo EIGENTÜMER/NAME] [--as-of JJJJ-MM-TT | --path DATEI]
  prüft jeden Commit der ersten Elternkette von REV (Standard: HEAD) offline nach: trägt er den
  Nachweis von verbund merge, und hält die Freigabe den Regeln und Identitäten seines
  Eltern-Commits stand (am Tag des Merges)? Der erste Commit ist der Anfang der Historie.
  --from, --to  nur die Änderungen dieses Zeitraums zeigen (geprüft wird jede); mit --path
             nur dessen Änderungen in diesem Zeitraum
  --format   text (Standard), json oder html (ein Bericht zum Archivieren, ohne externe
             Verweise, druckbar; mit den fachlichen Änderungen jedes Commits); gilt auch für
             --as-of und --path (Schemas: schemas/output/audit*.schema.json)
  --out      in diese Datei schreiben statt auf die Standardausgabe
  --repo     EIGENTÜMER/NAME: die Stimmen im Nachweis zusätzlich mit den Reviews bei GitHub
             abgleichen (Token aus GITHUB_TOKEN); ohne --repo wird nur offline geprüft
  --as-of    stattdessen: was an diesem Tag galt (Leitlinie und Fassung, Ziele und Meilensteine,
             Mitglieder mit HVB, Vertretung und gültigen Delegationen, Gremien, Kostenschlüssel)
  --path     stattdessen: die Historie dieser Datei als fachliche Änderungen (Meilensteine,
             Delegationen, Anteile …), je mit Datum, Commit, Pull Request, Freigebenden und
             Regeln; Umbenennungen werden verfolgt
  Rückgabe: 0 alles belegt, 1 eine Änderung ohne gültigen Nachweis, 2 Historie nicht lesbar

verbund merge --repo EIGENTÜMER/NAME --pr N [--methode merge|squash] [--api-url URL]
  entscheidet die Freigabe neu (wie approvals) und mergt nur, wenn jede Anforderung erfüllt
  ist; der Merge-Commit trägt das Entscheidungsprotokoll als Git-Trailer (Verbund-…), die
  verbund audit später offline nachprüft. Verweigert einen veralteten Pull Request (der
  Basis-Branch ist weiter, oder der Kopf enthält nicht jeden seiner Commits), einen ohne
  erfolgreichen Check „Prüfung“ auf dem Kopf-Commit und einen, auf den nach der Freigabe noch
  gepusht wurde.
  --methode  merge (Standard: Merge-Commit, die freigegebenen Commits bleiben erhalten) oder squash
  Rückgabe: 0 gemergt, 1 nicht freigegeben oder von GitHub abgelehnt, 2 etwas war nicht lesbar

verbund codeowners [--check] [--rev REV]
  --check    nur vergleichen: 1, wenn .github/CODEOWNERS nicht zu den Regeln passt
  --rev      Regeln und Mitglieder aus einem Git-Commit lesen; geschrieben wird die Datei im
             Arbeitsverzeichnis

verbund plan [--stack ID | --all] [--base REV] [--format text|json] [--out ORDNER]
  --stack    nur diesen Stack (Kennung eines Mitglieds oder verbund); --all (Standard): alle
  --base     auch die Daten von REV planen (aus git, z. B. origin/main) und zeigen, welche
             Ressourcen hinzukämen (+), entfielen (-) oder sich änderten (~)
  --format   text (Standard) oder json (schemas/output/plan.schema.json)
  --out      die Manifeste jedes Stacks in einen neuen oder leeren ORDNER schreiben, geprüft
             gegen die Kubernetes- und CRD-Schemas; Secrets ohne Werte

verbund costs [--year JJJJ] [--member KENNUNG] [--format text|json|csv|xlsx] [--out DATEI]
  --year     nur dieses Haushaltsjahr; --member nur die Anteile dieses Mitglieds
  --format   text (Standard), json (schemas/output/costs.schema.json), csv (für eine
             deutsche Tabellenkalkulation: Semikolon, 1.234,56 €, UTF-8) oder xlsx (Excel:
             eine Übersicht und ein Blatt je Mitglied; verlangt --out)
  --out      in diese Datei schreiben statt auf die Standardausgabe

verbund init [ORDNER] [--name NAME] [--id KENNUNG] [--mitglied NAME:ART[:LOGIN]]...
  ORDNER     wohin governance/ geschrieben wird (Standard: aktueller Ordner); ein
             vorhandenes governance/ wird nie überschrieben
  --name     Name des Verbunds; ohne --name fragt init nach Name und Mitgliedern
  --id       Kennung des Verbunds (Standard: aus dem Namen, z. B. verbund-musterkreis)
  --mitglied ein Mitglied (mehrfach): Name, Art und optional die GitHub-Kennung der HVB,
             z. B. --mitglied "Gemeinde Adorf:Gemeinde:bm-adorf"

Rückgabewerte: 0 in Ordnung, 1 Befunde (Fehler), 2 falscher Aufruf oder interner Fehler.
`;

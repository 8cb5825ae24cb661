#!/usr/bin/env node
// Writes a synthetic, valid Verbund of N members into a directory, laid out like
// governance/: per 8 members 15 goals (as in Osterholz), each with 3 milestones and
// 3 measures, one strategy per member, and a working group per 10 members.
// Usage: node scripts/bench/generate.js N DIR
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const REPO = path.resolve(__dirname, '..', '..');
const DIMENSIONS = 5;
const PERSPECTIVES = ['finanzen', 'mitarbeitende', 'kunden', 'prozesse', 'gesellschaft'];
const MODES = ['gemeinsam', 'kleingruppe', 'einerFuerAlle', 'jederFuerSich'];

function header(kind, depth) {
  return `# yaml-language-server: $schema=${'../'.repeat(depth)}schemas/${kind}.schema.json\n`;
}

function memberId(i) {
  return `gemeinde-${String(i + 1).padStart(5, '0')}`;
}

function write(root, rel, text) {
  const file = path.join(root, 'governance', rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

function goal(id, dimension, members) {
  const [d, n] = id.split('.').map(Number);
  const focus = PERSPECTIVES.map((p, i) => `  ${p}: ${i === (d + n) % PERSPECTIVES.length ? 3 : (d * n + i) % 3}`).join('\n');
  const milestones = [1, 2, 3]
    .map((m) => `  - id: ${id}-M${m}\n    text: Meilenstein ${m} des Ziels ${id} ist erreicht und dokumentiert\n    status: ${m === 1 ? 'erreicht\n    erreichtAm: 2025-11-27' : 'offen'}`)
    .join('\n');
  const measures = [1, 2, 3]
    .map((a) => {
      const mode = MODES[(n + a) % MODES.length];
      const by = mode === 'einerFuerAlle' ? `\n    durch: ${members[(n * 3 + a) % members.length]}` : '';
      const owner = mode === 'einerFuerAlle' ? members[(n * 3 + a) % members.length] : members[(n * 7 + a) % members.length];
      return `  - id: ${id}-A${a}\n    titel: Maßnahme ${a} zur Umsetzung des Ziels ${id}\n    modus: ${mode}${by}\n    start: 2026-0${a}\n    verantwortlich: { gremium: ikz-digitalisierung }\n    ausfuehrend: { mitglied: ${owner}, einheit: fd-10 }`;
    })
    .join('\n');
  return `${header('ziel', 1)}id: "${id}"
dimension: "${dimension}"
titel: Synthetisches Ziel ${id}
aussage: >-
  Die Mitglieder des Verbunds setzen das Ziel ${id} gemeinsam um und stimmen sich dabei über die
  IKZ Digitalisierung ab, damit niemand das Rad neu erfinden muss.
sinnUndZweck:
  - Aufgaben gemeinsam wahrnehmen und Ressourcen sparen.
  - Erfahrungen teilen und Lösungen nachnutzen.
meilensteine:
${milestones}
aufgabenteilung:
  gemeinsam: Anforderungen klären und priorisieren
  einerFuerAlle: Konzept erarbeiten
  jederFuerSich: Umsetzung im eigenen Haus
risiken:
  - Ohne Zusammenarbeit entsteht in der Summe mehr Aufwand.
mehrwerte:
  - Einsparung, weil nicht jedes Problem von jedem selbst gelöst werden muss.
fokus:
${focus}
anpassung: nein
prioritaet: ${['niedrig', 'mittel', 'hoch'][n % 3]}
aufwand: ${['gering', 'mittel', 'hoch'][(n + 1) % 3]}
massnahmen:
${measures}
`;
}

function generate(n, root) {
  fs.rmSync(root, { recursive: true, force: true });
  const members = Array.from({ length: n }, (_, i) => memberId(i));
  const copy = (rel) => write(root, rel, fs.readFileSync(path.join(REPO, 'governance', rel), 'utf8'));
  copy('leitlinie/leitlinie.yaml');
  copy('leitlinie/historie.yaml');
  write(root, 'verbund.yaml', `${header('verbund', 0)}id: verbund-synthetisch\nname: Synthetischer Verbund mit ${n} Mitgliedern\n`);
  write(root, 'ressourcen/ressourcen.yaml', `${header('ressourcen', 1)}stellenbedarf:\n  einheit: VZA\n  dauerhaftJeMitglied: { min: 0.5, max: 1.5 }\n  einmaligVerbund: { min: 1, max: 3 }\nitAufwand: { minEuro: 10000, maxEuro: 90000 }\n`);
  write(root, 'ausnahmen/ausnahmen.yaml', `${header('ausnahmen', 1)}ausnahmen: []\n`);
  for (let d = 1; d <= DIMENSIONS; d++) {
    write(root, `dimensionen/${d}-dimension.yaml`, `${header('dimension', 1)}id: "${d}"\nname: Dimension ${d}\nbeschreibung: Diese Dimension enthält synthetische Ziele.\n`);
  }
  const goals = Math.max(1, Math.round((n * 15) / 8));
  for (let g = 0; g < goals; g++) {
    const d = (g % DIMENSIONS) + 1;
    const id = `${d}.${Math.floor(g / DIMENSIONS) + 1}`;
    write(root, `ziele/${id}-ziel.yaml`, goal(id, String(d), members));
  }
  members.forEach((id, i) => {
    write(root, `mitglieder/${id}.yaml`, `${header('mitglied', 1)}id: ${id}
name: Gemeinde ${i + 1}
art: Gemeinde
bezeichnung: Einheitsgemeinde
einwohner:
  wert: ${5000 + ((i * 7919) % 40000)}
  genauigkeit: amtlich
  stand: 2024-12-31
  quelle: Landesamt für Statistik
hvb:
  amt: Bürgermeisterin oder Bürgermeister
  name: Bürgermeisterin ${i + 1}
  github: hvb-${id}
vertretung:
  amt: Allgemeine Vertretung
  name: Vertretung ${i + 1}
  github: av-${id}
delegationen:
  - von: hvb-${id}
    an: av-${id}
    umfang: Freigaben während der Abwesenheit
    gueltig: { von: 2026-01-01, bis: 2026-12-31 }
digitalisierungskontakt: digitalisierung@${id}.example
einheiten:
  - id: fd-10
    name: Fachdienst Zentrale Dienste
    art: fachdienst
  - id: stabsstelle-digital
    name: Stabsstelle Digitalisierung
    art: stabsstelle
rollen:
  - rolle: cdo
    adresse: cdo@${id}.example
    github: cdo-${id}
    einheit: stabsstelle-digital
    vertretung:
      adresse: digitalisierung@${id}.example
  - rolle: digitallotse
    adresse: lotsen@${id}.example
    einheit: fd-10
    stundenProWoche: 2
`);
    write(root, `strategien/${id}.yaml`, `${header('strategie', 1)}mitglied: ${id}\nstatus: beschlossen\ndatum: 2026-01-15\nziele: ["1.1", "2.1"]\n`);
  });
  const bodies = [
    ['hvb-runde', 'HVB-Runde', 'entscheiden', '[]', 'politisch', 'hvb', '{ art: einstimmig }'],
    ['ikz-steuerungsgruppe', 'IKZ Steuerungsgruppe', 'entscheiden', '[hvb-runde]', 'strategisch', 'cdo', '{ art: mehrheit, mehrheit: zweiDrittel, quorum: 0.5 }'],
    ['ikz-digitalisierung', 'IKZ Digitalisierung', 'planenUndUmsetzen', '[ikz-steuerungsgruppe]', 'koordinierend', 'cdo', '{ art: konsens }'],
    ...Array.from({ length: Math.ceil(n / 10) }, (_, i) => [`arbeitsgruppe-${i + 1}`, `Arbeitsgruppe ${i + 1}`, 'vorbereiten', '[ikz-digitalisierung]', 'operativ', 'digitallotse', '{ art: konsens }']),
  ];
  for (const [id, name, task, to, level, role, rule] of bodies) {
    write(root, `gremien/${id}.yaml`, `${header('gremium', 1)}id: ${id}\nname: ${name}\naufgabe: ${task}\nzusammensetzung:\n  - mitglieder: alle\n    rolle: ${role}\nvorlageAn: ${to}\nebene: ${level}\nsitzungsrhythmus: monatlich\nentscheidungsregel: ${rule}\n`);
  }
}

module.exports = { generate };

if (require.main === module) {
  const [n, dir] = process.argv.slice(2);
  if (!n || !dir || !/^\d+$/.test(n)) {
    process.stderr.write('Aufruf: node scripts/bench/generate.js N ZIELORDNER\n');
    process.exit(2);
  }
  generate(Number(n), path.resolve(dir));
}

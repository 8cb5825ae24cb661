import type { Model } from '../model/model';
import { bekannt, isOffen } from '../model/types';

/**
 * The governance in force on a day, in German lines: the Leitlinie's version with its entry in
 * the document history, every goal with its milestones' states, every member with HVB, deputy
 * and the delegations valid that day, the bodies, and the cost keys in force that day.
 */
export function stateOn(model: Model, day: string): string[] {
  const lines: string[] = [];
  const leitlinie = model.leitlinie;
  const entry = model.historie?.versionen.find((v) => v.version === leitlinie?.version);
  lines.push(`Leitlinie: ${leitlinie ? `${leitlinie.titel}, Fassung ${leitlinie.version}` : 'keine'}`);
  if (entry) lines.push(`  Dokumenthistorie: ${entry.version} vom ${entry.datum}, ${entry.status}${entry.vermerk ? ` – ${entry.vermerk}` : ''}`);
  lines.push('', 'Ziele und Meilensteine:');
  for (const z of model.ziele) {
    lines.push(`  ${z.id} ${z.titel}`);
    for (const m of bekannt(z.meilensteine) ?? []) lines.push(`    ${m.id}: ${m.status}${m.erreichtAm ? ` (erreicht am ${m.erreichtAm})` : ''}`);
  }
  lines.push('', 'Mitglieder:');
  for (const m of model.mitglieder) {
    const hvb = bekannt(m.hvb);
    const deputy = bekannt(m.vertretung);
    lines.push(`  ${m.id} (${m.name}): HVB ${hvb ? person(hvb) : 'offen'}; Vertretung ${deputy ? person(deputy) : 'offen'}`);
    for (const d of m.delegationen ?? []) {
      if (d.gueltig.von > day || (d.gueltig.bis !== undefined && d.gueltig.bis < day)) continue;
      lines.push(`    Delegation ${d.von} → ${d.an} (${d.umfang}), gültig vom ${d.gueltig.von}${d.gueltig.bis ? ` bis ${d.gueltig.bis}` : ''}`);
    }
  }
  lines.push('', 'Gremien:');
  for (const g of model.gremien) lines.push(`  ${g.id}: ${g.name}`);
  lines.push('', 'Kostenschlüssel in Kraft:');
  const inForce = model.kostenschluessel.filter((k) => {
    const gilt = bekannt(k.gilt);
    return !isOffen(k.verteilung) && gilt !== undefined && gilt.von <= day && (gilt.bis === undefined || gilt.bis >= day);
  });
  for (const k of inForce) {
    const r = bekannt(k.rechtsgrundlage)!;
    lines.push(`  ${k.id} „${k.name}“ (${r.gremium}, Beschluss ${r.nummer} vom ${r.datum})`);
  }
  if (inForce.length === 0) lines.push('  keiner');
  return lines;
}

function person(p: { name?: unknown; github?: unknown }): string {
  const name = typeof p.name === 'string' ? p.name : 'Name offen';
  return typeof p.github === 'string' ? `${name} (${p.github})` : name;
}

import { escapeHtml } from '../findings/escape';
import type { Model } from '../model/model';
import { bekannt, isOffen } from '../model/types';
import { page, table } from './html-page';

/** The governance in force on a day: what `verbund audit --as-of` shows, in every format. */
export interface StateOn {
  leitlinie?: { titel: string; version: string; historie?: { version: string; datum: string; status: string; vermerk?: string } };
  ziele: { id: string; titel: string; meilensteine: { id: string; status: string; erreichtAm?: string }[] }[];
  mitglieder: { id: string; name: string; hvb?: Person; vertretung?: Person; delegationen: Delegation[] }[];
  gremien: { id: string; name: string }[];
  kostenschluessel: { id: string; name: string; rechtsgrundlage: { gremium: string; datum: string; nummer: string }; gilt: { von: string; bis?: string } }[];
}

interface Person {
  name?: string;
  github?: string;
  /** The term as recorded; imAmt is false when the day lies outside it. */
  gueltig?: { von: string; bis?: string };
  imAmt: boolean;
}

interface Delegation {
  von: string;
  an: string;
  umfang: string;
  gueltig: { von: string; bis?: string };
}

/**
 * The state of a loaded model on a day: the Leitlinie's version with its entry in the document
 * history, every goal with its milestones' states, every member with HVB, deputy and the
 * delegations valid that day, the bodies, and the cost keys in force that day.
 */
export function stateOn(model: Model, day: string): StateOn {
  const leitlinie = model.leitlinie;
  const entry = model.historie?.versionen.find((v) => v.version === leitlinie?.version);
  return {
    ...(leitlinie
      ? {
          leitlinie: {
            titel: leitlinie.titel,
            version: leitlinie.version,
            ...(entry
              ? { historie: { version: entry.version, datum: entry.datum, status: entry.status, ...(entry.vermerk ? { vermerk: entry.vermerk } : {}) } }
              : {}),
          },
        }
      : {}),
    ziele: model.ziele.map((z) => ({
      id: z.id,
      titel: z.titel,
      meilensteine: (bekannt(z.meilensteine) ?? []).map((m) => ({
        id: m.id,
        status: m.status,
        ...(m.erreichtAm !== undefined ? { erreichtAm: bekannt(m.erreichtAm) ?? 'offen' } : {}),
      })),
    })),
    mitglieder: model.mitglieder.map((m) => ({
      id: m.id,
      name: m.name,
      ...(bekannt(m.hvb) ? { hvb: person(bekannt(m.hvb)!, day) } : {}),
      ...(bekannt(m.vertretung) ? { vertretung: person(bekannt(m.vertretung)!, day) } : {}),
      delegationen: (m.delegationen ?? [])
        .filter((d) => d.gueltig.von <= day && (d.gueltig.bis === undefined || d.gueltig.bis >= day))
        .map((d) => ({ von: d.von, an: d.an, umfang: d.umfang, gueltig: { ...d.gueltig } })),
    })),
    gremien: model.gremien.map((g) => ({ id: g.id, name: g.name })),
    kostenschluessel: model.kostenschluessel.flatMap((k) => {
      const gilt = bekannt(k.gilt);
      const basis = bekannt(k.rechtsgrundlage);
      if (isOffen(k.verteilung) || !gilt || !basis || gilt.von > day || (gilt.bis !== undefined && gilt.bis < day)) return [];
      return [{ id: k.id, name: k.name, rechtsgrundlage: { gremium: basis.gremium, datum: basis.datum, nummer: basis.nummer }, gilt: { ...gilt } }];
    }),
  };
}

function person(p: { name?: unknown; github?: unknown; gueltig?: unknown }, day: string): Person {
  const term = isTerm(p.gueltig) ? { von: p.gueltig.von, ...(typeof p.gueltig.bis === 'string' ? { bis: p.gueltig.bis } : {}) } : undefined;
  return {
    ...(typeof p.name === 'string' ? { name: p.name } : {}),
    ...(typeof p.github === 'string' ? { github: p.github } : {}),
    ...(term ? { gueltig: term } : {}),
    imAmt: !term || (term.von <= day && (term.bis === undefined || term.bis >= day)),
  };
}

function isTerm(value: unknown): value is { von: string; bis?: unknown } {
  return typeof value === 'object' && value !== null && typeof (value as { von?: unknown }).von === 'string';
}

function personText(p: Person | undefined): string {
  if (!p) return 'offen';
  const name = `${p.name ?? 'Name offen'}${p.github ? ` (${p.github})` : ''}`;
  if (p.imAmt || !p.gueltig) return name;
  return `nicht im Amt: ${name}, Amtszeit ${p.gueltig.bis ? `vom ${p.gueltig.von} bis ${p.gueltig.bis}` : `ab ${p.gueltig.von}`}`;
}

function delegationText(d: Delegation): string {
  return `Delegation ${d.von} → ${d.an} (${d.umfang}), gültig vom ${d.gueltig.von}${d.gueltig.bis ? ` bis ${d.gueltig.bis}` : ''}`;
}

function keyText(k: StateOn['kostenschluessel'][number]): string {
  return `${k.id} „${k.name}“ (${k.rechtsgrundlage.gremium}, Beschluss ${k.rechtsgrundlage.nummer} vom ${k.rechtsgrundlage.datum})`;
}

/** The state as German lines. */
export function stateLines(state: StateOn): string[] {
  const l = state.leitlinie;
  const lines = [`Leitlinie: ${l ? `${l.titel}, Fassung ${l.version}` : 'keine'}`];
  if (l?.historie)
    lines.push(
      `  Dokumenthistorie: ${l.historie.version} vom ${l.historie.datum}, ${l.historie.status}${l.historie.vermerk ? ` – ${l.historie.vermerk}` : ''}`,
    );
  lines.push('', 'Ziele und Meilensteine:');
  for (const z of state.ziele) {
    lines.push(`  ${z.id} ${z.titel}`);
    for (const m of z.meilensteine) lines.push(`    ${m.id}: ${m.status}${m.erreichtAm ? ` (erreicht am ${m.erreichtAm})` : ''}`);
  }
  lines.push('', 'Mitglieder:');
  for (const m of state.mitglieder) {
    lines.push(`  ${m.id} (${m.name}): HVB ${personText(m.hvb)}; Vertretung ${personText(m.vertretung)}`);
    for (const d of m.delegationen) lines.push(`    ${delegationText(d)}`);
  }
  lines.push('', 'Gremien:', ...state.gremien.map((g) => `  ${g.id}: ${g.name}`));
  lines.push('', 'Kostenschlüssel in Kraft:', ...state.kostenschluessel.map((k) => `  ${keyText(k)}`));
  if (state.kostenschluessel.length === 0) lines.push('  keiner');
  return lines;
}

/** The state as a self-contained HTML page (headings, tables with captions). */
export function stateHtml(state: StateOn, heading: string, notes: readonly string[]): string {
  const l = state.leitlinie;
  return page(heading, [
    `<h1>${escapeHtml(heading)}</h1>`,
    ...notes.map((n) => `<p>${escapeHtml(n)}</p>`),
    '<h2>Leitlinie</h2>',
    `<p>${escapeHtml(l ? `${l.titel}, Fassung ${l.version}` : 'keine')}</p>`,
    l?.historie
      ? `<p>${escapeHtml(`Dokumenthistorie: ${l.historie.version} vom ${l.historie.datum}, ${l.historie.status}${l.historie.vermerk ? ` – ${l.historie.vermerk}` : ''}`)}</p>`
      : '',
    '<h2>Ziele und Meilensteine</h2>',
    table(
      'Meilensteine je Ziel',
      ['Ziel', 'Meilenstein', 'Status', 'Erreicht am'],
      state.ziele.flatMap((z) =>
        z.meilensteine.length === 0
          ? [[`${z.id} ${z.titel}`, '–', '', '']]
          : z.meilensteine.map((m) => [`${z.id} ${z.titel}`, m.id, m.status, m.erreichtAm ?? '']),
      ),
    ),
    '<h2>Mitglieder</h2>',
    table(
      'HVB, Vertretung und an diesem Tag gültige Delegationen',
      ['Mitglied', 'HVB', 'Vertretung', 'Delegationen'],
      state.mitglieder.map((m) => [`${m.id} (${m.name})`, personText(m.hvb), personText(m.vertretung), m.delegationen.map(delegationText).join('; ')]),
    ),
    '<h2>Gremien</h2>',
    table(
      'Gremien',
      ['Kennung', 'Name'],
      state.gremien.map((g) => [g.id, g.name]),
    ),
    '<h2>Kostenschlüssel in Kraft</h2>',
    state.kostenschluessel.length === 0
      ? '<p>Keiner.</p>'
      : table(
          'Kostenschlüssel in Kraft',
          ['Kennung', 'Name', 'Rechtsgrundlage', 'Gilt'],
          state.kostenschluessel.map((k) => [
            k.id,
            k.name,
            `${k.rechtsgrundlage.gremium}, Beschluss ${k.rechtsgrundlage.nummer} vom ${k.rechtsgrundlage.datum}`,
            `ab ${k.gilt.von}${k.gilt.bis ? ` bis ${k.gilt.bis}` : ''}`,
          ]),
        ),
  ]);
}

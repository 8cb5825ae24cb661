import { sicherungsDienst, WERTE_PLATZHALTER } from '../../model/dienste';
import type { Dienst } from '../../model/types';
import type { Rule, RuleFinding } from '../rule';
import type { DataPath } from '../../findings/finding';

const PLATZHALTER = /\{([^{}]*)\}/g;

/**
 * Ensures the service catalogue can be deployed as written: at most one backup tool, which
 * every stack installs (so no member opts into it, and it runs jeder für sich); members take
 * part only in services the Verbund has decided on; Helm values use only the placeholders the
 * program fills in, and {host} only with a hostname.
 */
export const dienstKatalog: Rule = {
  id: 'dienst-katalog',
  severity: 'error',
  category: 'integritaet',
  description:
    'Der Servicekatalog ist ausrollbar: höchstens ein Sicherungswerkzeug (art: sicherung), jeder für sich und ohne Teilnahme; Teilnahme nur an beschlossenen Diensten; Helm-Werte nutzen nur bekannte Platzhalter, {host} nur mit hostname.',
  check({ model }) {
    const findings: RuleFinding[] = [];
    const backup = model.dienste.filter((d) => d.art === 'sicherung');
    for (const extra of backup.slice(1)) {
      findings.push({
        at: model.where(extra, 'art'),
        message: `„${extra.id}“ ist schon das zweite Sicherungswerkzeug (nach „${backup[0]!.id}“); jeder Stack installiert genau eines.`,
      });
    }
    const tool = sicherungsDienst(model);
    if (tool && tool.betrieb !== 'jederFuerSich') {
      findings.push({ at: model.where(tool, 'betrieb'), message: `Das Sicherungswerkzeug „${tool.id}“ läuft in jedem Stack; bitte betrieb: jederFuerSich.` });
    }
    for (const m of model.mitglieder) {
      (m.dienste ?? []).forEach((id, i) => {
        if (tool && id === tool.id) {
          findings.push({
            at: model.where(m, 'dienste', i),
            message: `„${id}“ installiert jeder Stack für die Notfallvorsorge; eine Teilnahme ist nicht nötig (bitte aus dienste entfernen).`,
          });
        } else if (model.dienst(id)?.status === 'vorgeschlagen') {
          findings.push({
            at: model.where(m, 'dienste', i),
            message: `Der Dienst „${id}“ ist erst vorgeschlagen; teilnehmen kann ein Mitglied, sobald der Verbund ihn beschlossen hat (status: beschlossen).`,
          });
        }
      });
    }
    for (const d of model.dienste) findings.push(...placeholderFindings(model, d));
    return findings;
  },
};

function placeholderFindings(model: Parameters<Rule['check']>[0]['model'], d: Dienst): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const visit = (value: unknown, path: DataPath): void => {
    if (typeof value === 'string') {
      for (const [, name] of value.matchAll(PLATZHALTER)) {
        if (!(WERTE_PLATZHALTER as readonly string[]).includes(name!)) {
          findings.push({
            at: model.where(d, ...path),
            message: `Unbekannter Platzhalter „{${name}}“; bekannt sind ${WERTE_PLATZHALTER.map((p) => `{${p}}`).join(', ')}.`,
          });
        } else if (name === 'host' && d.hostname === undefined) {
          findings.push({ at: model.where(d, ...path), message: `„{host}“ braucht den hostname des Dienstes (z. B. hostname: ${d.id}).` });
        }
      }
    } else if (Array.isArray(value)) value.forEach((item, i) => visit(item, [...path, i]));
    else if (typeof value === 'object' && value !== null) for (const [key, item] of Object.entries(value)) visit(item, [...path, key]);
  };
  if (d.werte) visit(d.werte, ['werte']);
  return findings;
}

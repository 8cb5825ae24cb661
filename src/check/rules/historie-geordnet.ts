import type { Rule, RuleFinding } from '../rule';
import { compareVersions } from '../../model/version';

/** Ensures that versions and dates of the document history ascend and the Leitlinie states the newest. */
export const historieGeordnet: Rule = {
  id: 'historie-geordnet',
  severity: 'error',
  category: 'integritaet',
  description:
    'Die Dokumentenhistorie ist nach Version und Datum aufsteigend geordnet, liegt nicht in der Zukunft, und die Leitlinie nennt ihre neueste Version.',
  check({ model, today }) {
    const historie = model.historie;
    if (!historie) return [];
    const findings: RuleFinding[] = [];
    const at = (i: number, field: string) => model.where(historie, 'versionen', i, field);
    historie.versionen.forEach((v, i) => {
      if (v.datum > today) {
        findings.push({ at: at(i, 'datum'), message: `Version ${v.version}: das Datum ${v.datum} liegt in der Zukunft.` });
      }
      const previous = historie.versionen[i - 1];
      if (!previous) return;
      if (compareVersions(v.version, previous.version) <= 0) {
        findings.push({ at: at(i, 'version'), message: `Version ${v.version} folgt auf ${previous.version}; Versionen müssen aufsteigen (älteste zuerst).` });
      }
      if (v.datum < previous.datum) {
        findings.push({
          at: at(i, 'datum'),
          message: `Version ${v.version} trägt das Datum ${v.datum}, das vor dem der Vorgängerversion (${previous.datum}) liegt.`,
        });
      }
    });
    const newest = historie.versionen[historie.versionen.length - 1]!;
    const leitlinie = model.leitlinie;
    if (leitlinie && leitlinie.version !== newest.version) {
      findings.push({
        at: model.where(leitlinie, 'version'),
        message: `Die Leitlinie nennt Version ${leitlinie.version}, die neueste Version der Dokumentenhistorie ist ${newest.version}.`,
      });
    }
    return findings;
  },
};

import { bekannt } from '../../model/types';
import type { Rule, RuleFinding } from '../rule';

/**
 * Ensures that every cost item can be allocated in each of its years: its key is in force for
 * the whole budget year (from 1 January to 31 December; a key changing mid-year would leave the
 * year's split open), and a one-off item names exactly one year. A key still open (not yet
 * decided) is in force in no year.
 */
export const kostenPostenInKraft: Rule = {
  id: 'kosten-posten-in-kraft',
  severity: 'error',
  category: 'integritaet',
  description: 'Der Schlüssel eines Kostenpostens gilt in jedem seiner Jahre ganzjährig; ein einmaliger Posten nennt genau ein Jahr.',
  check({ model }) {
    const findings: RuleFinding[] = [];
    const keys = new Map(model.kostenschluessel.map((k) => [k.id, k]));
    for (const p of model.kostenposten) {
      if (p.turnus === 'einmalig' && p.jahre.length !== 1) {
        findings.push({
          at: model.where(p, 'jahre'),
          message: `Der Posten „${p.id}“ ist einmalig, nennt aber ${p.jahre.length} Jahre; bitte genau eines (oder turnus: jaehrlich).`,
        });
      }
      const key = keys.get(p.schluessel);
      if (!key) continue; // referenz-aufloesbar reports it
      const gilt = bekannt(key.gilt);
      if (!gilt || !bekannt(key.verteilung)) {
        findings.push({
          at: model.where(p, 'schluessel'),
          message: `Der Schlüssel „${key.id}“ ist noch offen (nicht beschlossen); der Posten „${p.id}“ lässt sich nach ihm nicht verteilen.`,
        });
        continue;
      }
      if (gilt.bis !== undefined && gilt.bis < gilt.von) continue; // a period ending before it begins: kosten-rechtsgrundlage reports the key once
      p.jahre.forEach((jahr, i) => {
        const from = gilt.von;
        const to = gilt.bis;
        if (from > `${jahr}-01-01` || (to !== undefined && to < `${jahr}-12-31`)) {
          findings.push({
            at: model.where(p, 'jahre', i),
            message: `Der Schlüssel „${key.id}“ gilt ${to ? `vom ${from} bis ${to}` : `ab ${from}`}, nicht für das ganze Jahr ${jahr}; der Posten „${p.id}“ lässt sich für ${jahr} nicht verteilen.`,
          });
        }
      });
    }
    return findings;
  },
};

import type { Model } from '../../model/model';
import { bekannt, isOffen } from '../../model/types';
import type { Rule, RuleFinding } from '../rule';

/**
 * Mail services for private persons. A role address belongs to the administration's own
 * domain, so an address at one of these is a private address by mistake (or on purpose).
 */
const PRIVATE_MAIL_DOMAINS = new Set([
  'gmail.com',
  'googlemail.com',
  'web.de',
  'gmx.de',
  'gmx.net',
  'gmx.at',
  't-online.de',
  'freenet.de',
  'arcor.de',
  'outlook.com',
  'outlook.de',
  'hotmail.com',
  'hotmail.de',
  'live.de',
  'live.com',
  'yahoo.com',
  'yahoo.de',
  'icloud.com',
  'me.com',
  'aol.com',
  'aol.de',
  'posteo.de',
  'mailbox.org',
  'proton.me',
  'protonmail.com',
  'mail.de',
]);

/** Ensures that contacts and role holders are recorded by role addresses, never private ones. */
export const funktionsadresse: Rule = {
  id: 'funktionsadresse',
  severity: 'error',
  category: 'empfehlung',
  grundlage: 'Konvention des Werkzeugs (nicht aus der Leitlinie): Funktionsadressen bleiben bei einem Personalwechsel gültig und schützen persönliche Daten',
  description: 'Kontakt- und Rollenadressen sind Funktionsadressen der Verwaltung, keine Adressen privater Maildienste.',
  check({ model }) {
    const findings: RuleFinding[] = [];
    for (const m of model.mitglieder) {
      for (const { address, path } of addresses(m)) {
        const domain = address.split('@').pop()!.toLowerCase();
        if (!PRIVATE_MAIL_DOMAINS.has(domain)) continue;
        findings.push({
          at: model.where(m, ...path),
          message: `„${address}“ ist eine Adresse eines privaten Maildienstes; bitte eine Funktionsadresse der Verwaltung angeben (z. B. digitalisierung@gemeinde.de).`,
        });
      }
    }
    return findings;
  },
};

function addresses(m: Model['mitglieder'][number]): { address: string; path: (string | number)[] }[] {
  const found: { address: string; path: (string | number)[] }[] = [];
  if (typeof m.digitalisierungskontakt === 'string') found.push({ address: m.digitalisierungskontakt, path: ['digitalisierungskontakt'] });
  bekannt(m.rollen)?.forEach((r, i) => {
    if (typeof r.adresse === 'string') found.push({ address: r.adresse, path: ['rollen', i, 'adresse'] });
    if (r.vertretung && !isOffen(r.vertretung)) found.push({ address: r.vertretung.adresse, path: ['rollen', i, 'vertretung', 'adresse'] });
  });
  return found;
}

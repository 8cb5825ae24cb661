import { bekannt } from '../../model/types';
import type { Rule, RuleFinding } from '../rule';

/**
 * Ensures that a shared service says who runs it the way its mode needs: "einer für alle" names
 * the member that runs the one instance (once decided: a member of the Verbund that takes part
 * in the service; while proposed it may be open), "jeder für sich" names none (every
 * participating member runs its own).
 */
export const dienstBetrieb: Rule = {
  id: 'dienst-betrieb',
  severity: 'error',
  category: 'integritaet',
  description: 'Ein Dienst „einer für alle“ nennt das Mitglied, das ihn betreibt und selbst teilnimmt; ein Dienst „jeder für sich“ nennt keinen Betreiber.',
  check({ model }) {
    const findings: RuleFinding[] = [];
    for (const d of model.dienste) {
      if (d.betrieb === 'jederFuerSich' && d.betreiber !== undefined) {
        findings.push({
          at: model.whereKey(d, 'betreiber'),
          message: `Dienst „${d.id}“ läuft jeder für sich; ein Betreiber passt nicht dazu (bitte betreiber entfernen oder betrieb: einerFuerAlle).`,
        });
      } else if (d.betrieb === 'einerFuerAlle' && d.betreiber === undefined) {
        findings.push({
          at: model.whereKey(d, 'betrieb'),
          message: `Dienst „${d.id}“ läuft einer für alle; bitte mit betreiber das Mitglied nennen, das die Instanz betreibt.`,
        });
      } else if (d.betrieb === 'einerFuerAlle' && d.status === 'beschlossen') {
        const id = bekannt(d.betreiber);
        const betreiber = id === undefined ? undefined : model.mitglied(id);
        if (id === undefined) {
          findings.push({
            at: model.where(d, 'betreiber'),
            message: `Dienst „${d.id}“ ist beschlossen und läuft einer für alle; sein Betreiber darf nicht mehr offen sein.`,
          });
        } else if (betreiber && !(betreiber.dienste ?? []).includes(d.id)) {
          findings.push({
            at: model.where(d, 'betreiber'),
            message: `„${id}“ betreibt den Dienst „${d.id}“ für alle, nimmt aber selbst nicht teil; bitte in governance/mitglieder/${id}.yaml unter dienste eintragen.`,
          });
        }
      }
    }
    return findings;
  },
};

import { diensteFuerAlle, diensteImStack, VERBUND_STACK } from '../../model/dienste';
import type { Model } from '../../model/model';
import type { Rule, RuleFinding } from '../rule';

/**
 * Ensures that stacks/ matches the membership: once the Verbund runs shared infrastructure
 * (stacks/ holds a stack), every member has its stack, the
 * services run for all have the Verbund stack, no stack belongs to anyone else, no two stacks
 * share a cluster, every member that keeps a partner's backups names the storage at its site,
 * and a stack whose services talk to the Kubernetes API says where it is.
 */
export const stackKonfiguration: Rule = {
  id: 'stack-konfiguration',
  severity: 'error',
  category: 'integritaet',
  description:
    'Jedes Mitglied hat seine Stack-Konfiguration (stacks/Pulumi.<mitglied>.yaml), die Dienste einer für alle den Stack verbund; kein Stack gehört einem Nicht-Mitglied, und wer Partner ist, nennt sein Sicherungsziel.',
  check({ model }) {
    const findings: RuleFinding[] = [];
    for (const stack of model.stacks) {
      if (stack.id !== VERBUND_STACK && !model.mitglied(stack.id) && !model.isUnloaded(`mitglied:${stack.id}`)) {
        findings.push({
          at: model.where(stack),
          message: `Der Stack „${stack.id}“ gehört zu keinem Mitglied des Verbunds; Stacks gibt es nur für Mitglieder und für „${VERBUND_STACK}“ (bitte die Datei entfernen oder umbenennen).`,
        });
      }
    }
    // Velero, its namespace and its secrets exist once per cluster: two stacks on one cluster would fight over them.
    const contexts = new Map<string, string>();
    for (const stack of model.stacks) {
      const context = stack.config['kubernetes:context'];
      const first = contexts.get(context);
      if (first === undefined) contexts.set(context, stack.id);
      else
        findings.push({
          at: model.where(stack, 'config', 'kubernetes:context'),
          message: `Die Stacks „${first}“ und „${stack.id}“ nutzen denselben Cluster-Kontext „${context}“; jeder Stack braucht seinen eigenen Cluster (Velero und seine Namen gibt es je Cluster nur einmal).`,
        });
    }
    // Without any stack the Verbund runs no infrastructure (yet): decisions may come first.
    if (model.stacks.length === 0) return findings;
    for (const m of model.mitglieder) {
      if (!model.stack(m.id) && !model.hasUnloaded('stack')) {
        findings.push({ at: model.where(m, 'id'), message: `Für „${m.id}“ fehlt die Stack-Konfiguration stacks/Pulumi.${m.id}.yaml (ein Stack je Mitglied).` });
      }
    }
    const fuerAlle = diensteFuerAlle(model);
    if (fuerAlle.length > 0 && !model.stack(VERBUND_STACK) && !model.hasUnloaded('stack')) {
      const dienst = fuerAlle[0]!;
      findings.push({
        at: model.where(dienst, 'betrieb'),
        message: `Dienste einer für alle laufen im Stack „${VERBUND_STACK}“, aber stacks/Pulumi.${VERBUND_STACK}.yaml fehlt.`,
      });
    }
    for (const stack of model.stacks) {
      const needsApi = diensteImStack(model, stack.id).filter((d) => d.netzwerk?.kubernetesApi);
      if (needsApi.length > 0 && stack.config['verbund-infrastruktur:apiServer'] === undefined) {
        findings.push({
          at: model.whereKey(stack, 'config'),
          message: `Im Stack „${stack.id}“ laufen Dienste, deren Jobs mit der Kubernetes-API sprechen (${needsApi.map((d) => d.id).join(', ')}); bitte verbund-infrastruktur:apiServer (cidr, port) angeben, sonst sperrt die Netzwerkregel sie aus.`,
        });
      }
    }
    for (const partner of keepers(model)) {
      const stack = model.stack(partner);
      if (!stack) continue;
      for (const key of ['sicherungsziel', 'sicherungszielZugang'] as const) {
        if (stack.config[`verbund-infrastruktur:${key}`] === undefined) {
          findings.push({
            at: model.whereKey(stack, 'config'),
            message: `„${partner}“ ist Sicherungspartner, aber seine Stack-Konfiguration nennt verbund-infrastruktur:${key} nicht (${key === 'sicherungsziel' ? 'der Speicher an seinem Standort' : 'lesender Zugang für die Wiederherstellung, als Secret'}).`,
          });
        }
      }
    }
    return findings;
  },
};

/** Members that keep someone's backups: the partners of the pairs and of the Verbund stack. */
function keepers(model: Model): string[] {
  const sicherung = model.sicherung;
  if (!sicherung) return [];
  const ids = new Set(sicherung.paare.map((p) => p.partner));
  if (sicherung.verbund) ids.add(sicherung.verbund.partner);
  return [...ids].sort();
}

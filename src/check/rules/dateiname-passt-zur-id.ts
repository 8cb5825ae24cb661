import type { Rule, RuleFinding } from '../rule';

/**
 * Ensures that a file's name starts with the id of what it holds, so that CODEOWNERS and
 * reviewers can tell from the path whose data changes.
 */
export const dateinamePasstZurId: Rule = {
  id: 'dateiname-passt-zur-id',
  severity: 'error',
  category: 'integritaet',
  description: 'Der Dateiname beginnt mit der Kennung des Inhalts: <id>.yaml oder <id>-<kurztitel>.yaml (Strategien: <mitglied>.yaml).',
  check({ model }) {
    const findings: RuleFinding[] = [];
    const expect = (item: object, id: string, field: string, exact: boolean) => {
      const name = model
        .fileOf(item)
        .split('/')
        .pop()!
        .replace(/\.yaml$/, '');
      const fits = name === id || (!exact && name.startsWith(`${id}-`));
      if (fits) return;
      const wanted = exact ? `${id}.yaml` : `${id}.yaml oder ${id}-<kurztitel>.yaml`;
      findings.push({ at: model.where(item, field), message: `Die Datei „${name}.yaml“ enthält „${id}“; sie muss ${wanted} heißen.` });
    };
    for (const d of model.dimensionen) expect(d, d.id, 'id', false);
    for (const z of model.ziele) expect(z, z.id, 'id', false);
    for (const m of model.mitglieder) expect(m, m.id, 'id', true);
    for (const g of model.gremien) expect(g, g.id, 'id', true);
    for (const s of model.strategien) expect(s, s.mitglied, 'mitglied', true);
    for (const d of model.dienste) expect(d, d.id, 'id', true);
    for (const k of model.kostenschluessel) expect(k, k.id, 'id', true);
    for (const p of model.kostenposten) expect(p, p.id, 'id', true);
    return findings;
  },
};

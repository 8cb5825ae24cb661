// Member clones of the benchmark generator: the approval chain added to a template member that
// has none on record, and GitHub logins made unique per clone (no login may hold two seats).
'use strict';
const YAML = require('yaml');
const { tokenReplacer } = require('./text');

/** GitHub allows at most 39 characters in a login. */
const MAX_LOGIN = 39;

const known = (value) => (typeof value === 'string' ? value : undefined);

/** Whether the member has delegations of approval on record. */
function hasDelegations(data) {
  return Array.isArray(data.delegationen) && data.delegationen.length > 0;
}

/**
 * The template member with an approval chain on record: the HVB's login (kept if the template
 * has one) and a term of office, a deputy with login (kept if recorded; else one whose name is
 * open), and two delegations (HVB → deputy, deputy → CDO, the second within the first) in
 * force on `today`. Only for a template without delegations of its own.
 */
function withDelegations(template, today) {
  const year = Number(today.slice(0, 4));
  const { data } = template;
  const id = data.id;
  const doc = YAML.parseDocument(template.text);
  const hvb = known(data.hvb?.github) ?? `hvb-${id}`;
  doc.setIn(['hvb', 'github'], hvb);
  if (!data.hvb?.gueltig) doc.setIn(['hvb', 'gueltig'], doc.createNode({ von: `${year - 3}-11-01` }, { flow: true }));
  let deputy = known(data.vertretung?.github);
  if (deputy === undefined) {
    deputy = `av-${id}`;
    doc.set('vertretung', doc.createNode({ amt: 'Allgemeine Vertretung', name: { offen: 'Name ist in den Quellen nicht erfasst.' }, github: deputy }));
  }
  const roles = Array.isArray(data.rollen) ? data.rollen : [];
  const cdo = known(roles.find((r) => r.rolle === 'cdo')?.github) ?? `cdo-${id}`;
  const period = (von, bis) => doc.createNode({ von, bis }, { flow: true });
  const delegations = doc.createNode([
    {
      von: hvb,
      an: deputy,
      umfang: 'Alle Freigaben während der Abwesenheit der HVB',
      gueltig: null,
      grundlage: 'Verfügung der HVB zur Abwesenheitsvertretung',
    },
    { von: deputy, an: cdo, umfang: 'Freigaben zu Zielen der Dimension Digitale Verwaltung, weitergegeben von der Vertretung', gueltig: null },
  ]);
  delegations.items[0].set('gueltig', period(`${year}-01-01`, `${year + 1}-12-31`));
  delegations.items[1].set('gueltig', period(`${year}-01-01`, `${year + 1}-06-30`));
  if (doc.has('delegationen')) {
    doc.set('delegationen', delegations);
  } else {
    const map = doc.contents;
    const at = map.items.findIndex((pair) => pair.key && pair.key.value === 'vertretung');
    map.items.splice(at + 1, 0, doc.createPair('delegationen', delegations));
  }
  const text = doc.toString({ lineWidth: 0 });
  return { ...template, text, data: YAML.parse(text) };
}

/** Every GitHub login a member file names: HVB, deputy, delegations, roles and their deputies. */
function loginsOf(data) {
  const logins = [data.hvb?.github, data.vertretung?.github];
  for (const d of Array.isArray(data.delegationen) ? data.delegationen : []) logins.push(d.von, d.an);
  for (const r of Array.isArray(data.rollen) ? data.rollen : []) logins.push(r.github, r.vertretung?.github);
  return [...new Set(logins.filter((login) => typeof login === 'string'))];
}

/**
 * Makes the logins of one member clone unique: run after the clone's ids were replaced, it
 * appends the clone's number to every login the id replacement left as it was (lr-muster →
 * lr-muster-00002; hvb-gemeinde-a became hvb-gemeinde-00001 already).
 */
function uniqueLogins(data, replaceIds, number) {
  const map = {};
  for (const login of loginsOf(data)) {
    if (replaceIds(login) !== login) continue;
    const base = login.slice(0, MAX_LOGIN - number.length - 1).replace(/-+$/, '');
    map[login] = `${base}-${number}`;
  }
  return tokenReplacer(map);
}

module.exports = { hasDelegations, withDelegations, loginsOf, uniqueLogins };

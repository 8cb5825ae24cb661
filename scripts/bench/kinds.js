// The files of each kind below governance/, as globs for ajv-cli (mirrors src/schema/kinds.ts).
'use strict';
module.exports.KIND_FOLDERS = {
  verbund: 'verbund.yaml',
  leitlinie: 'leitlinie/leitlinie.yaml',
  historie: 'leitlinie/historie.yaml',
  ressourcen: 'ressourcen/ressourcen.yaml',
  ausnahmen: 'ausnahmen/ausnahmen.yaml',
  dimension: 'dimensionen/*.yaml',
  ziel: 'ziele/*.yaml',
  mitglied: 'mitglieder/*.yaml',
  gremium: 'gremien/*.yaml',
  strategie: 'strategien/*.yaml',
};

import type { Kostenposten } from '../model/types';
import type { KeyInfo } from './compute';
import type { Basis } from './distribute';
import { formatEuro } from './money';

const KOSTENART_NAMEN: Record<Kostenposten['kostenart'], string> = {
  personal: 'Personal',
  technik: 'Technik',
  raeume: 'Räume',
  software: 'Software',
  dienstleistungen: 'Dienstleistungen',
};

export function kostenartName(art: Kostenposten['kostenart']): string {
  return KOSTENART_NAMEN[art];
}

/** "1.234" for whole numbers (inhabitants), German grouping. */
export function formatCount(n: bigint): string {
  return n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** What a share rests on, in German: "21.000 von 55.000 Einwohnern (amtlich, Stichtag 2024-12-31)"; stages first name their stage. */
export function explainBasis(parts: readonly Basis[]): string {
  return parts.map(explainPart).join('; ');
}

function explainPart(b: Basis): string {
  const stage = b.stage === undefined ? '' : `Stufe ${b.stage} (${b.stageShare === 'rest' ? 'Rest' : b.stageShare}): `;
  const inhabitants = () => `${formatCount(b.weight!)} von ${formatCount(b.weightSum!)} Einwohnern (${b.genauigkeit}, Stichtag ${b.stichtag})`;
  switch (b.art) {
    case 'gleich':
      return `${stage}1 von ${formatCount(b.weightSum!)} gleichen Teilen`;
    case 'einwohner':
      return `${stage}${inhabitants()}`;
    case 'sockel':
      return `${stage}Sockelbetrag ${formatEuro(b.baseCents!)}, Rest nach ${inhabitants()}`;
    case 'fest':
      return `${stage}fester Anteil ${b.anteil}`;
    case 'nutzung':
      return b.nach === 'plaetze'
        ? `${stage}${formatCount(b.weight!)} von ${formatCount(b.weightSum!)} Plätzen am Dienst ${b.dienst} (Stand ${b.stichtag})`
        : `${stage}1 von ${formatCount(b.weightSum!)} Teilnehmenden am Dienst ${b.dienst}`;
  }
}

/** The key with its legal basis and period: "Schlüssel x „Name“ – HVB-Runde, Beschluss HVB-2026-04 vom 2026-03-01, gilt ab 2026-01-01". */
export function explainKey(key: KeyInfo): string {
  const r = key.rechtsgrundlage;
  const period = key.gilt.bis ? `gilt vom ${key.gilt.von} bis ${key.gilt.bis}` : `gilt ab ${key.gilt.von}`;
  return `Schlüssel ${key.id} „${key.name}“ – ${r.gremium}, Beschluss ${r.nummer} vom ${r.datum}, ${period}`;
}

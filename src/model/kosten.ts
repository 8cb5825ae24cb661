import type { DataPath } from '../findings/finding';
import { isOffen, type Kostenschluessel, type Verteilung } from './types';

/** Every distribution of a cost key, the stages' too, with its data path inside the key's file; none while the key is open. */
export function verteilungen(key: Kostenschluessel): { verteilung: Verteilung; path: DataPath }[] {
  const out: { verteilung: Verteilung; path: DataPath }[] = [];
  const visit = (verteilung: Verteilung, path: DataPath): void => {
    out.push({ verteilung, path });
    verteilung.stufen?.forEach((s, i) => visit(s.verteilung, [...path, 'stufen', i, 'verteilung']));
  };
  if (!isOffen(key.verteilung)) visit(key.verteilung, ['verteilung']);
  return out;
}

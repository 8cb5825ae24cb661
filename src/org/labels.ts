/** German labels for the tool's own values; the Verbund's terms come with the view (labels). */
export const AUFGABE: Record<string, string> = {
  entscheiden: 'entscheidet',
  planenUndUmsetzen: 'plant und setzt um',
  vorbereiten: 'bereitet vor',
};

export const OFFEN = 'offen';

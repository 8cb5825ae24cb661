import { isCalendarDay } from '../model/calendar-day';

/** A resolution (Beschluss) as the pull request's description names it. */
export interface Resolution {
  gremium: string;
  datum: string;
  nummer: string;
}

export type ResolutionCheck = { found: Resolution } | { problem: string };

const LINE = /^[ \t]*Beschluss:[ \t]*(.*)$/gim;

/**
 * Reads the line "Beschluss: <Gremium>; <JJJJ-MM-TT>; <Nummer>" from a pull request's
 * description and checks it against the bodies a rule accepts. Only visible text counts: a
 * line inside an HTML comment or a code block is no statement. A resolution cannot be dated
 * after `today`, and its number needs a letter or digit. Offline: nothing is looked up.
 */
export function checkResolution(body: string, bodies: readonly string[], today: string): ResolutionCheck {
  const lines = [...visibleText(body).matchAll(LINE)].map((m) => m[1]!.trim());
  const form = `„Beschluss: <Gremium>; <JJJJ-MM-TT>; <Nummer>“ (Gremium: ${bodies.join(', ')})`;
  if (lines.length === 0) return { problem: `Der Pull Request nennt keinen Beschluss; bitte in die Beschreibung eine Zeile ${form} schreiben.` };
  if (lines.length > 1) return { problem: `Der Pull Request nennt ${lines.length} Beschlusszeilen; bitte genau eine: ${form}.` };
  const parts = lines[0]!.split(';').map((part) => part.trim());
  const [gremium, datum, nummer] = parts;
  if (parts.length !== 3 || !gremium || !datum || !nummer) return { problem: `Die Beschlusszeile „${lines[0]}“ hat nicht die Form ${form}.` };
  const known = bodies.find((b) => b.toLowerCase() === gremium.toLowerCase());
  if (!known) return { problem: `„${gremium}“ kann diesen Beschluss nicht fassen; die Regel verlangt einen Beschluss von: ${bodies.join(', ')}.` };
  if (!isCalendarDay(datum)) return { problem: `„${datum}“ in der Beschlusszeile ist kein Datum im Format JJJJ-MM-TT.` };
  if (datum > today) return { problem: `Der Beschluss ist auf den ${datum} datiert, also nach heute (${today}); ein Beschluss muss gefasst sein.` };
  if (!/[\p{L}\p{N}]/u.test(nummer)) return { problem: `„${nummer}“ ist keine Beschlussnummer; bitte die Nummer der Drucksache oder des Beschlusses angeben.` };
  return { found: { gremium: known, datum, nummer } };
}

/** The description as a reader sees it: without HTML comments and fenced code blocks. */
function visibleText(body: string): string {
  return body.replace(/<!--[\s\S]*?(-->|$)/g, '').replace(/^([ \t]*)(```|~~~)[\s\S]*?(^\1\2[ \t]*$|(?![\s\S]))/gm, '');
}

import picomatch from 'picomatch';

/** The placeholder for a member's id in an approval path pattern: governance/mitglieder/{mitglied}.yaml. */
export const MEMBER_PLACEHOLDER = '{mitglied}';
const MARKER = 'MITGLIEDxPLATZHALTER';
const MEMBER_ID = '([a-z0-9]+(?:-[a-z0-9]+)*)';

/** A compiled pattern: whether a path matches and, for a member's pattern, which member. */
export type PathMatcher = (path: string) => { owner?: string } | undefined;

/**
 * Compiles an approval path pattern (picomatch, dot files included), or says in German why it
 * cannot be used. Strict: an unclosed bracket or brace is an error instead of a pattern that
 * silently matches nothing, and a negation ("!…") is refused - a rule says what it covers.
 */
export function compilePathPattern(pattern: string): PathMatcher | { problem: string } {
  // A pattern compiles to the same matcher every time: the audit decides thousands of commits by the same rules.
  let compiled = COMPILED.get(pattern);
  if (!compiled) COMPILED.set(pattern, (compiled = compile(pattern)));
  return compiled;
}

const COMPILED = new Map<string, PathMatcher | { problem: string }>();

function compile(pattern: string): PathMatcher | { problem: string } {
  if (pattern.startsWith('!')) return { problem: `Das Muster „${pattern}“ ist eine Verneinung („!…“); eine Regel nennt, was sie abdeckt.` };
  const parts = pattern.split(MEMBER_PLACEHOLDER);
  if (parts.some((part) => part.includes('{mitglied') || part.includes('mitglied}')))
    return { problem: `Das Muster „${pattern}“ schreibt den Platzhalter nicht als ${MEMBER_PLACEHOLDER}.` };
  let re: RegExp;
  try {
    re = picomatch.makeRe(parts.join(MARKER), { dot: true, strictBrackets: true });
  } catch (error) {
    return { problem: `Das Muster „${pattern}“ ist kein gültiges Pfadmuster: eine Klammer ({, [ oder () ist nicht geschlossen.` };
  }
  if (re.source === '$^') return { problem: `Das Muster „${pattern}“ trifft keinen Pfad.` };
  if (parts.length === 1) return (path) => (re.test(path) ? {} : undefined);
  if (!re.source.includes(MARKER) || re.source.split(MARKER).length !== parts.length) {
    return { problem: `Der Platzhalter ${MEMBER_PLACEHOLDER} steht in „${pattern}“ nicht als eigener Teil des Pfads.` };
  }
  const withMember = new RegExp(re.source.split(MARKER).join(MEMBER_ID));
  return (path) => {
    const match = withMember.exec(path);
    return match ? { owner: match[1] } : undefined;
  };
}

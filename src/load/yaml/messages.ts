/**
 * js-yaml's reasons in German. Matched by prefix, because some reasons end in the offending
 * name; every reason the pinned version can give has a German text (a test walks its source).
 */
const MESSAGES: readonly (readonly [string, string])[] = [
  ['duplicated mapping key', 'Der Schlüssel kommt in dieser Zuordnung doppelt vor; jeder Schlüssel darf nur einmal stehen.'],
  [
    'bad indentation of a mapping entry',
    'Die Einrückung stimmt nicht; Einträge derselben Ebene müssen gleich weit eingerückt sein (fehlt ein Doppelpunkt oder ein Anführungszeichen?).',
  ],
  ['bad indentation of a sequence entry', 'Die Einrückung eines Listeneintrags („- “) stimmt nicht.'],
  [
    'deficient indentation',
    'Die Einrückung reicht nicht: der Text muss weiter eingerückt sein als sein Schlüssel – oder ein Anführungszeichen wird nicht geschlossen.',
  ],
  ['tab characters must not be used in indentation', 'Tabulatoren sind zur Einrückung nicht erlaubt; bitte Leerzeichen verwenden.'],
  ['a whitespace character is expected after the key-value separator', 'Nach dem Doppelpunkt eines Schlüssels muss ein Leerzeichen stehen.'],
  ['can not read an implicit mapping pair; a colon is missed', 'Hier fehlt ein Doppelpunkt nach dem Schlüssel.'],
  [
    'can not read a block mapping entry; a multiline key',
    'Ein Schlüssel darf nicht über mehrere Zeilen gehen; fehlt ein Doppelpunkt oder ein Anführungszeichen?',
  ],
  ['incomplete explicit mapping pair', 'Ein Eintrag beginnt mit „:“ oder „?“ ohne Schlüssel.'],
  ['end of the stream or a document separator is expected', 'Unerwarteter Inhalt an dieser Stelle; stimmen Einrückung und Anführungszeichen?'],
  ['missed comma between flow collection entries', 'Zwischen zwei Einträgen in Klammern fehlt ein Komma.'],
  ["expected the node content, but found ','", 'Ein Eintrag in Klammern ist leer (zwei Kommas hintereinander).'],
  ['unexpected end of the stream within a flow collection', 'Eine Klammer ([ oder {) wird nicht geschlossen.'],
  ['unexpected end of the document within a double quoted scalar', 'Ein Text in doppelten Anführungszeichen wird nicht geschlossen.'],
  ['unexpected end of the stream within a double quoted scalar', 'Ein Text in doppelten Anführungszeichen wird nicht geschlossen.'],
  ['unexpected end of the document within a single quoted scalar', 'Ein Text in einfachen Anführungszeichen wird nicht geschlossen.'],
  ['unexpected end of the stream within a single quoted scalar', 'Ein Text in einfachen Anführungszeichen wird nicht geschlossen.'],
  ['unknown escape sequence', 'Ungültige Escape-Sequenz (\\…) in einem Text in doppelten Anführungszeichen.'],
  ['expected hexadecimal character', 'Nach \\x, \\u oder \\U müssen Hexadezimalziffern folgen.'],
  ['expected valid JSON character', 'Ein Text in Anführungszeichen enthält ein unzulässiges Zeichen.'],
  ['a line break is expected', 'Hier muss eine neue Zeile beginnen.'],
  ['missing indentation for block scalar', 'Ein mehrzeiliger Text (| oder >) muss eingerückt sein.'],
  ['bad explicit indentation width of a block scalar', 'Die Einrückungsangabe eines mehrzeiligen Textes muss zwischen 1 und 9 liegen.'],
  ['repeat of a chomping mode identifier', 'Die Angabe „+“ oder „-“ nach | oder > steht doppelt.'],
  ['repeat of an indentation width identifier', 'Die Einrückungsangabe nach | oder > steht doppelt.'],
  ['nesting exceeded maxDepth', 'Die Daten sind zu tief verschachtelt (höchstens 100 Ebenen).'],
  ['null byte is not allowed in input', 'Die Datei enthält ein Nullzeichen (U+0000).'],
  ['the stream contains non-printable characters', 'Die Datei enthält ein nicht druckbares Zeichen.'],
  [
    'non-ASCII line breaks are interpreted as content',
    'Die Datei enthält einen besonderen Zeilenumbruch (U+0085, U+2028 oder U+2029); bitte durch einen normalen ersetzen.',
  ],
  ['directives end mark is expected', 'Nach einer Direktive (%…) muss „---“ folgen.'],
  ['directive name must not be less than one character', 'Eine Direktive (%) braucht einen Namen.'],
  ['unknown document directive', 'Unbekannte Direktive (%…); Governance-Dateien brauchen keine Direktiven.'],
  ['duplication of %YAML directive', 'Die Direktive %YAML steht doppelt.'],
  ['YAML directive accepts exactly one argument', 'Die Direktive %YAML braucht genau eine Versionsangabe.'],
  ['ill-formed argument of the YAML directive', 'Die Versionsangabe der Direktive %YAML ist ungültig.'],
  ['unacceptable YAML version of the document', 'Diese YAML-Version wird nicht unterstützt; Governance-Dateien sind YAML 1.2.'],
  ['unsupported YAML version of the document', 'Diese YAML-Version wird nicht unterstützt; Governance-Dateien sind YAML 1.2.'],
  ['TAG directive', 'Die Direktive %TAG ist nicht erlaubt.'],
  ['ill-formed tag', 'Die Direktive %TAG ist nicht erlaubt.'],
  ['tag prefix is malformed', 'Die Direktive %TAG ist nicht erlaubt.'],
  ['there is a previously declared suffix', 'Die Direktive %TAG ist nicht erlaubt.'],
  ['unknown tag', 'Unbekannte YAML-Markierung (Tag); Tags wie !!js/function sind nicht erlaubt.'],
  ['unacceptable node kind for', 'Unbekannte YAML-Markierung (Tag); Tags sind in Governance-Dateien nicht erlaubt.'],
  ['cannot resolve a node with', 'Der Wert passt nicht zu seiner YAML-Markierung (Tag); Tags sind in Governance-Dateien nicht erlaubt.'],
  ['undeclared tag handle', 'Unbekannte YAML-Markierung (Tag); Tags sind in Governance-Dateien nicht erlaubt.'],
  ['duplication of a tag property', 'Ein Wert hat zwei YAML-Markierungen (Tags); Tags sind nicht erlaubt.'],
  ['unexpected end of the stream within a verbatim tag', 'Eine YAML-Markierung (!<…>) wird nicht geschlossen; Tags sind nicht erlaubt.'],
  ['named tag handle cannot contain such characters', 'Ungültige YAML-Markierung (Tag); Tags sind nicht erlaubt.'],
  ['tag suffix cannot contain', 'Ungültige YAML-Markierung (Tag); Tags sind nicht erlaubt.'],
  ['tag name', 'Ungültige YAML-Markierung (Tag); Tags sind nicht erlaubt.'],
  ['duplication of an anchor property', 'Ein Wert hat zwei Anker (&); Anker und Aliase sind nicht erlaubt.'],
  ['name of an anchor node must contain at least one character', 'Ein Anker (&) ohne Namen; Anker und Aliase sind nicht erlaubt.'],
  ['name of an alias node must contain at least one character', 'Ein Alias (*) ohne Namen; Anker und Aliase sind nicht erlaubt.'],
  ['unidentified alias', 'Ein Alias (*name) verweist auf keinen Anker; Anker und Aliase sind nicht erlaubt.'],
  ['alias node should not have any properties', 'Ein Alias (*name) darf weder Anker noch Tag haben; Anker und Aliase sind nicht erlaubt.'],
  ['abnormal merge sequence size', 'Zusammenführungen (<<) sind nicht erlaubt.'],
  ['cannot merge mappings', 'Zusammenführungen (<<) sind nicht erlaubt.'],
  ['merge keys exceeded', 'Zusammenführungen (<<) sind nicht erlaubt.'],
  ['nested arrays are not supported inside keys', 'Eine Liste kann kein Schlüssel sein; Schlüssel sind einfache Namen.'],
  ['expected a single document in the stream', 'Die Datei enthält mehrere YAML-Dokumente (---); erlaubt ist genau eines je Datei.'],
];

export function germanParserMessage(reason: string): string {
  for (const [prefix, german] of MESSAGES) if (reason.startsWith(prefix)) return german;
  return 'Die Datei ist kein gültiges YAML.';
}

/** For the test that every reason of the pinned js-yaml has a German text. */
export const KNOWN_REASON_PREFIXES: readonly string[] = MESSAGES.map(([prefix]) => prefix);

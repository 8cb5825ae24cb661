import type { Rule } from '../rule';
import { anteilHoechstensEins } from './anteil-hoechstens-eins';
import { begriffBekannt } from './begriff-bekannt';
import { fokusAufSkala } from './fokus-auf-skala';
import { freigaberegelnGueltig } from './freigaberegeln-gueltig';
import { dateinamePasstZurId } from './dateiname-passt-zur-id';
import { delegationGueltig } from './delegation-gueltig';
import { digitallotseJeFachdienst } from './digitallotse-je-fachdienst';
import { eskalationEndetOben } from './eskalation-endet-oben';
import { gremiumArbeitsweise } from './gremium-arbeitsweise';
import { hvbLoginEindeutig } from './hvb-login-eindeutig';
import { hvbUndVertretung } from './hvb-und-vertretung';
import { massnahmeVerantwortung } from './massnahme-verantwortung';
import { mitgliedGelistet } from './mitglied-gelistet';
import { kreisschluesselNurKreis } from './kreisschluessel-nur-kreis';
import { dimensionMitZielen } from './dimension-mit-zielen';
import { dienstBetrieb } from './dienst-betrieb';
import { dienstKatalog } from './dienst-katalog';
import { schluesselrolleVertretung } from './schluesselrolle-vertretung';
import { sicherungPartner } from './sicherung-partner';
import { kostenAnteile } from './kosten-anteile';
import { kostenEinwohnerEinmal } from './kosten-einwohner-einmal';
import { kostenZahlen } from './kosten-zahlen';
import { kostenPostenInKraft } from './kosten-posten-in-kraft';
import { kostenRechtsgrundlage } from './kosten-rechtsgrundlage';
import { kostenVerteilbar } from './kosten-verteilbar';
import { leitlinieFassung } from './leitlinie-fassung';
import { stackKonfiguration } from './stack-konfiguration';
import { fokusHoechsterWertEinmal } from './fokus-hoechster-wert-einmal';
import { funktionsadresse } from './funktionsadresse';
import { fokusPerspektiven } from './fokus-perspektiven';
import { historieGeordnet } from './historie-geordnet';
import { leitlinieAbschnitte } from './leitlinie-abschnitte';
import { idsEindeutig } from './ids-eindeutig';
import { massnahmeEinerFuerAlle } from './massnahme-einer-fuer-alle';
import { meilensteinStatusDatum } from './meilenstein-status-datum';
import { offenerWert } from './offener-wert';
import { referenzAufloesbar } from './referenz-aufloesbar';
import { strategieJeMitglied } from './strategie-je-mitglied';
import { strategieStand } from './strategie-stand';
import { zielIdPasstZurDimension } from './ziel-id-passt-zur-dimension';

/** Every rule the check runs, in order. Ids are data: --skip and exceptions name them. */
export const RULES: readonly Rule[] = [
  idsEindeutig,
  referenzAufloesbar,
  mitgliedGelistet,
  begriffBekannt,
  anteilHoechstensEins,
  dateinamePasstZurId,
  zielIdPasstZurDimension,
  dimensionMitZielen,
  fokusPerspektiven,
  fokusAufSkala,
  fokusHoechsterWertEinmal,
  historieGeordnet,
  leitlinieAbschnitte,
  meilensteinStatusDatum,
  massnahmeEinerFuerAlle,
  strategieJeMitglied,
  strategieStand,
  hvbUndVertretung,
  hvbLoginEindeutig,
  delegationGueltig,
  freigaberegelnGueltig,
  gremiumArbeitsweise,
  dienstBetrieb,
  dienstKatalog,
  sicherungPartner,
  stackKonfiguration,
  kostenAnteile,
  kostenEinwohnerEinmal,
  kostenZahlen,
  kostenPostenInKraft,
  kostenRechtsgrundlage,
  kostenVerteilbar,
  leitlinieFassung,
  eskalationEndetOben,
  massnahmeVerantwortung,
  digitallotseJeFachdienst,
  schluesselrolleVertretung,
  funktionsadresse,
  kreisschluesselNurKreis,
  offenerWert,
];

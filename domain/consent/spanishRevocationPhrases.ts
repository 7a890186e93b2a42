import type { PhraseRule } from './phraseRule.ts';

/** Spanish ways of asking to stop, on normalised text: lower case, accents dropped ("no más" is "no mas"). */

/** Stems of the verbs of contact: after "dejen de" any form counts ("dejen de escribirme"). */
const stems = String.raw`(?:llam|escrib|mand|envi|contact|molest|text|marc|marqu|habl)\w*`;
/** After "no", only the forms that ask ("no me llamen", "no me escribas"); "no me llamaron" tells, it does not ask. */
const asked = String.raw`(?:me|nos|le)\s+(?:vuelvan\s+a\s+|vuelva\s+a\s+|sigan\s+|sigas\s+)?(?:(?:llam|mand|envi|contact|molest|texte|habl)(?:en|es|e|ar)|escrib(?:an|as|a|ir)|marqu(?:en|es|e)|marcar)|(?:llam|mand|envi|contact|molest|texte)(?:en|ar)|escrib(?:an|ir)|marquen|marcar`;
const nouns = String.raw`mensajes?|llamadas?|textos?|correos?|notificaciones|recordatorios|mensajitos|sms|nada`;
/** "no me llamen antes de las 9": a time makes it a preference. */
const preference =
  /^\s+(?:antes|despues|hasta|entre|durante|por la|en la|a las|al|manana|hoy|esta|este|temprano|tarde|cuando|si|solo|los|el)\b/;
/** "no dejen de llamarme" asks for the opposite. */
const negatedBy = /(?:^|\s)no\s*$/;

export const spanishRevocationPhrases: readonly PhraseRule[] = [
  // "no más", "no mas mensajes", but not "no más tarde de las 5"
  {
    rule: 'es.no_mas',
    pattern: /\bno\s+mas\b/,
    unlessFollowedBy: /^\s+(?:de|que|tarde|temprano|alla|aca|grande|pequeno)\b/,
  },
  {
    rule: 'es.no_me_contacten',
    pattern: new RegExp(
      String.raw`\bno\s+(?:${asked})\b(?:\s+(?:mas|nunca|por favor|porfa|otra vez|a este numero|nada))*`,
    ),
    unlessFollowedBy: preference,
  },
  // "nunca más me escriban", "nunca me vuelvan a llamar"; "nunca me llamaron" tells, it does not ask
  { rule: 'es.nunca', pattern: new RegExp(String.raw`\bnunca\s+(?:mas\s+)?(?:${asked})\b`) },
  {
    rule: 'es.no_volver',
    pattern: new RegExp(String.raw`\bno\s+(?:me\s+|nos\s+)?(?:volver|vuelvan|vuelva|vuelvas)\s+a\s+${stems}`),
  },
  {
    rule: 'es.dejen_de',
    pattern: new RegExp(String.raw`\b(?:dejen|deja|deje|dejar|dejad|paren|para|pare|parar)\s+de\s+${stems}`),
    negatedBy,
  },
  {
    rule: 'es.no_quiero',
    pattern: new RegExp(
      String.raw`\bno\s+(?:quiero|queremos|deseo|necesito|me interesa)\s+(?:recibir\s+|mas\s+|seguir\s+recibiendo\s+|sus\s+|estos\s+|los\s+|ningun\s+|ninguna\s+)*(?:${nouns}|mas)\b`,
    ),
  },
  {
    rule: 'es.no_quiero',
    pattern: new RegExp(
      String.raw`\bno\s+(?:quiero|queremos|deseo)\s+que\s+(?:me|nos)\s+(?:sigan\s+|vuelvan\s+a\s+)?${stems}`,
    ),
  },
  { rule: 'es.ya_no', pattern: /\bya\s+no\s+(?:quiero|deseo|me\s+(?:interesa|llamen|escriban|manden))\b/ },
  {
    rule: 'es.sacame',
    pattern:
      /\b(?:sacame|sacarme|saquenme|quitame|quitarme|quitenme|borrame|borrarme|borrenme|eliminame|eliminarme|eliminenme|darme de baja|denme de baja|dar de baja)\b|\b(?:borr|elimin|quit|sac)\w*\s+(?:mi\s+(?:numero|nombre|telefono|informacion|contacto|celular)|de\s+(?:la|su|sus|esta|las)\s+lista)/,
  },
  {
    rule: 'es.cancelen',
    pattern: new RegExp(
      String.raw`\bcancel(?:en|a|e|ar|o)\s+(?:(?:los|las|sus|estos|estas|mis|todos los|todas las)\s+)?(?:${nouns})\b`,
    ),
  },
  {
    rule: 'es.desuscribir',
    pattern:
      /\b(?:desuscrib|desinscrib|desubscrib|dessuscrib)\w*|\b(?:cancelar|anular|cancelen|cancela)\s+(?:mi\s+|la\s+)?suscripcion\b/,
  },
  {
    rule: 'es.numero_equivocado',
    pattern:
      /\b(?:numero|persona)\s+equivocad[oa]\b|\bequivocad[oa]s?\s+de\s+(?:numero|persona)\b|^equivocad[oa]\s*(?:\||$)|\bno\s+(?:es\s+)?mi\s+numero\b/,
  },
  { rule: 'es.basta', pattern: /\b(?:ya\s+)?basta\b|\b(?:detener|detengan|detenganse|detente|paren|parenle)\b/ },
  { rule: 'es.no_interesa', pattern: /\bno\s+(?:me\s+)?(?:interesa|estoy\s+interesad[oa])\b/ },
  {
    rule: 'es.dejame_en_paz',
    pattern: /\b(?:dejame|dejenme|dejeme|dejanos|dejennos)\s+(?:en\s+paz|tranquil[oa])\b/,
    negatedBy,
  },
  {
    rule: 'es.retiro_consentimiento',
    pattern:
      /\b(?:retiro|revoco|cancelo)\s+(?:mi\s+)?(?:consentimiento|permiso|autorizacion)\b|\bno\s+(?:autorizo|doy\s+(?:mi\s+)?(?:permiso|consentimiento)|acepto\s+(?:mensajes|llamadas))\b/,
  },
  {
    rule: 'es.spam',
    pattern:
      /\b(?:acoso|me\s+estan\s+acosando|voy\s+a\s+(?:denunciar|reportar)|los\s+voy\s+a\s+(?:denunciar|reportar))\b/,
  },
];

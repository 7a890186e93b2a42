import type { PhraseRule } from './phraseRule.ts';

/** English ways of asking to stop, on normalised text: lower case, no apostrophes ("dont"), clauses split by `|`. */

const contactVerbs =
  'call|calling|text|texting|txt|txting|message|messaging|msg|contact|contacting|email|emailing|ring|phone|robocall|hit me up|reach out to';
const contactNouns = String.raw`texts?|txts?|messages?|msgs?|calls?|phone calls?|emails?|robocalls?|notifications?|reminders?|alerts?|updates|spam|sms|contact|crap|junk|stuff`;
/** Words that may come between the verb and what it is about: "don't want ANY MORE OF YOUR texts". */
const fillers = String.raw`(?:\s+(?:to|get|getting|receive|receiving|recieve|recieving|be|being|have|any|anymore|any more|more|these|those|this|your|ur|the|further|of|sent|from you|from|you|all|automated|stupid|damn|fucking|freaking|annoying))*`;
/** A negation just before the match ("please don't opt me out") makes it mean the opposite. */
const negatedBy =
  /(?:^|\s)(?:dont|do not|never|cant|cannot|wont|not|didnt|doesnt|isnt)(?:\s+(?:please|pls|ever|want to|wanna|need to))?\s*$/;
/** A time or condition after "don't call me" makes it a preference, not a revocation. */
const preference =
  /^\s+(?:before|after|until|till|til|at|between|during|on|in|while|when|tomorrow|today|tonight|this|next|so|too|early|late|yet|unless|except|if|only|right|back|til|around|from|for|without|about|anymore\s+(?:before|after|at|on|until))\b/;

export const englishRevocationPhrases: readonly PhraseRule[] = [
  { rule: 'en.stop_sign', pattern: /\bstopsign\b/ },
  // "don't call me again", "do not text", "please never contact me", "can you not text me"
  {
    rule: 'en.do_not_contact',
    pattern: new RegExp(
      String.raw`\b(?:dont|do not|never|please not|pls not|you not|u not|dnt|dont ever|do not ever)\s+(?:${contactVerbs}|bother\s+(?:me|us))\b(?:\s+(?:me|us|this number|my number|my phone|my cell|here|to this number|anymore|any more|again|ever|any|more|further|please|pls|thanks|at all|period))*`,
    ),
    unlessFollowedBy: preference,
  },
  {
    rule: 'en.do_not_contact',
    pattern: new RegExp(
      String.raw`\b(?:dont|do not|never|please not|no need to)\s+send(?:ing)?(?:\s+(?:me|us))?${fillers}\s+(?:${contactNouns}|anything|nothing)\b`,
    ),
  },
  { rule: 'en.do_not_call_list', pattern: /\b(?:do not call|dnc|dont call)\s+(?:list|registry|register)\b|\bdnc\b/ },
  // "I don't want these texts", "I no longer wish to receive messages", "I don't want you to call me"
  {
    rule: 'en.do_not_want',
    pattern: new RegExp(
      String.raw`\b(?:dont|do not|no longer|never|dont really|really dont|didnt)\s+(?:want|wish|need|like|care for|ask for|asked for)${fillers}\s+(?:${contactNouns}|contacted|called|texted|messaged|emailed|bothered)\b`,
    ),
  },
  {
    rule: 'en.do_not_want',
    pattern: new RegExp(
      String.raw`\b(?:dont|do not|no longer)\s+(?:want|wish)\s+(?:you|u|yall|anyone)\s+to\s+(?:${contactVerbs})\s+(?:me|us)\b`,
    ),
  },
  {
    rule: 'en.do_not_want',
    pattern:
      /\b(?:dont|do not|no longer)\s+(?:want|wish)\s+(?:any\s*more|to be contacted|to hear from you|to receive)\s*(?:\||$)/,
  },
  {
    rule: 'en.do_not_want',
    pattern:
      /\b(?:dont|do not|no longer)\s+(?:want|wish)\s+to\s+be\s+on\s+(?:this|your|the|ur|any)\s+(?:\w+\s+)?list\b/,
  },
  // "I don't want this" answers the message itself: a refusal of it
  {
    rule: 'en.do_not_want',
    pattern:
      /\b(?:dont|do not|no longer)\s+want\s+(?:this|these|them|that|any of this|any of it)(?:\s+(?:anymore|any more|please|thanks|thank you))*\s*(?:\||$)/,
  },
  {
    rule: 'en.no_more',
    pattern: new RegExp(
      String.raw`\bno\s+(?:more|further|additional)\s+(?:${contactNouns}|of\s+(?:this|these|your|ur|that))\b|\bno\s+more(?:\s+(?:please|pls|thanks|thank you|i said))*\s*(?:\||$)`,
    ),
  },
  {
    rule: 'en.no_more',
    pattern: new RegExp(String.raw`^no\s+(?:${contactNouns})(?:\s+(?:please|pls|thanks|thank you|ever))*\s*(?:\||$)`),
  },
  {
    rule: 'en.remove_me',
    pattern:
      /\b(?:remove|rm|delete|erase|drop|scratch|unlist|unenroll|unenrol)\s+(?:me|us|this number|my\s+(?:number|name|info|information|contact|phone|cell|details|data|#))\b/,
    negatedBy,
  },
  {
    rule: 'en.remove_me',
    pattern: /\b(?:take|get|put)\s+(?:me|us|my number|my name|this number|my info)\s+(?:off|out of|off of)\b/,
    negatedBy,
  },
  {
    rule: 'en.remove_me',
    pattern: /\boff\s+(?:your|ur|the|this|yalls)\s+(?:\w+\s+)?(?:list|lists|database|system|contacts)\b/,
    negatedBy,
  },
  {
    rule: 'en.remove_me',
    pattern: /\b(?:lose|forget|delete|remove)\s+(?:my|this)\s+(?:number|#|contact|phone number)\b/,
    negatedBy,
  },
  { rule: 'en.opt_out', pattern: /\bopt(?:ing|ed)?\s+(?:me\s+)?out\b|\bopted\s*out\b/, negatedBy },
  {
    rule: 'en.leave_me_alone',
    pattern: /\bleave\s+(?:me|us|my family)\s+(?:the hell\s+|the fuck\s+)?alone\b/,
    negatedBy,
  },
  {
    rule: 'en.wrong_number',
    pattern:
      /\bwrong\s+(?:number|person|guy|girl|phone|#|num)\b|\b(?:you|u)\s+(?:have|got|has)\s+the\s+wrong\b|\bno\s*(?:one|body)\s+(?:here\s+)?(?:by|named|with)\s+that\s+name\b|\bnot\s+my\s+(?:number|phone)\b/,
  },
  {
    rule: 'en.not_interested',
    pattern: /\b(?:not|no longer|nt)\s+interested\b|\bnot\s+intrested\b/,
    unlessFollowedBy:
      /^\s+in\s+(?!(?:your|ur|this|these|that|any|the|receiving|getting|being|texts|messages|calls|hearing|talking)\b)/,
  },
  {
    rule: 'en.not_interested',
    pattern: /\bno longer\s+(?:a client|your client|with you|need\s+(?:your|these|this|the|any))\b/,
  },
  // "this is spam", but not "it went to my spam folder"
  {
    rule: 'en.spam',
    pattern:
      /\b(?:spammer|spammers|spamming|spammy|harass|harassing|harassment|harrassment|harrasing|this is a scam|scammers?)\b|\b(?:is|its|this|thats|r|are|more|just|total|fucking)\s+spam\b(?!\s+(?:folder|filter|box))|^spam\s*(?:\||$)/,
  },
  {
    rule: 'en.spam',
    pattern:
      /\breport(?:ed|ing)?\s+(?:you|u|this number|your number|this as|as spam|as junk|you to)\b|\bsue\s+(?:you|u)\b/,
  },
  {
    rule: 'en.block',
    pattern:
      /\bblock(?:ed|ing)?\s+(?:you|u|this number|your number|ur number|your texts|your calls)\b|^blocked\s*(?:\||$)/,
  },
  {
    rule: 'en.go_away',
    pattern:
      /(?:^|\|)\s*(?:please\s+|pls\s+|just\s+|now\s+)?go away\b|\b(?:get lost|f+u*c*k+\s+off|f off|piss off|bugger off|shut up|stfu|fuck you|fuck u|screw you|back off)\b/,
    negatedBy,
  },
  {
    rule: 'en.enough',
    pattern:
      /^(?:ok\s+|okay\s+|thats\s+|ok thats\s+)?enough(?:\s+(?:already|is enough|now|please))*\s*(?:\||$)|\benough\s+(?:already|with\s+(?:the|these|your))\b|\benough\s+(?:texts|messages|calls)\b/,
  },
  {
    rule: 'en.never_consented',
    pattern:
      /\b(?:didnt|did not|never|dont remember)\s+(?:sign(?:ed|ing)?\s+up|signup|subscribe[d]?|consent(?:ed)?|opt(?:ed)?\s+in|ask(?:ed)?\s+(?:for|to be)|give\s+(?:you\s+)?(?:my number|permission|consent)|gave\s+(?:you\s+|anyone\s+|anybody\s+|u\s+)?(?:my number|this number|permission|consent)|agreed?\s+to)(?=\s*(?:\||$)|\s+(?:for\s+(?:this|these|that|texts|messages|calls|any|your|ur|it)|to\s+(?:get|receive|be|this|these|texts|messages|calls|text|call|contact|message|email)|this|these|that|any|it)\b)/,
  },
  {
    rule: 'en.never_consented',
    pattern:
      /\b(?:how|where)\s+(?:did|do)\s+(?:you|u|yall|you guys)\s+get\s+(?:my|this)\s+(?:number|#|info|cell|phone)\b|\bwho\s+gave\s+(?:you|u)\s+(?:my|this)\s+(?:number|#)\b/,
  },
  {
    rule: 'en.withdraw_consent',
    pattern:
      /\b(?:withdraw|withdrawing|withdrew|revoking|revoked|take back|taking back|rescind|rescinding|cancel|cancelling|canceling)\s+(?:my\s+|all\s+|any\s+)?(?:consent|permission|authorization|authorisation)\b|\b(?:dont|do not|no longer)\s+(?:give\s+)?(?:consent|permission)\b|\bno\s+consent\s*(?:\||$)/,
  },
  {
    rule: 'en.discontinue',
    pattern:
      /\bdiscontinu(?:e|ing)\b|^(?:please\s+|pls\s+|plz\s+)?(?:remove|delete|unenroll|out)(?:\s+(?:please|pls|plz|now|thanks))*\s*(?:\||$)|\bi\s+want\s+out\b|\bdo not disturb\b/,
  },
  {
    rule: 'en.prefer_not',
    pattern: new RegExp(
      String.raw`\b(?:prefer|rather)\s+not\s+(?:to\s+)?(?:get|receive|be|have)?\s*(?:${contactNouns}|contacted|called|texted)\b`,
    ),
  },
  {
    rule: 'en.do_not_want',
    pattern:
      /\b(?:dont|do not|no longer)\s+(?:want|wish|need)\s+to\s+(?:get|receive|recieve)\s+(?:these|this|them|those|any|anything)\b/,
  },
  {
    rule: 'en.wrong_person',
    pattern:
      /\b(?:im|i am)\s+not\s+(?:the person|who you)\b|\bnot\s+the\s+(?:right|correct)\s+(?:number|person)\b|\b(?:isnt|is not)\s+the\s+(?:number|person)\s+(?:you|u)\b|\b(?:this|that)\s+(?:number|phone)\s+(?:is not|isnt)\s+\w+|\bnot\s+\w+s\s+(?:number|phone|cell)\b|\b(?:doesnt|does not|dont|do not)\s+(?:live|work)\s+here\b|\bno\s+(?:\w+\s+)?(?:at|with)\s+this\s+number\b|\b(?:doesnt|does not)\s+(?:have|use|own)\s+this\s+number\b/,
  },
  { rule: 'en.cease', pattern: new RegExp(String.raw`\brefrain\s+from\s+(?:${contactVerbs}|sending|bothering)\b`) },
  {
    rule: 'en.remove_me',
    pattern:
      /\b(?:be|get|got|have|having|want|like|need)\s+(?:me\s+|myself\s+|my number\s+|this number\s+|my name\s+|my info\s+)?(?:removed|taken off|deleted|unsubscribed)\b|\b(?:my|this)\s+(?:number|name|info)\s+(?:removed|deleted|taken off)\b/,
    negatedBy,
  },
  { rule: 'en.cease', pattern: /\b(?:cease|desist|knock it off|cut it out|halt|make it stop|stahp)\b/ },
];

import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import { classifySms } from '../../../domain/consent/smsKeywords.ts';

/** Real-shaped texts people send, each marked with whether a reasonable person reads it as "stop". */
type Sample = { readonly text: string; readonly revoke: boolean; readonly language: string; readonly note: string };

const corpus: readonly Sample[] = readFileSync(new URL('./revocationCorpus.tsv', import.meta.url), 'utf8')
  .split('\n')
  .slice(1)
  .filter((line) => line.length > 0)
  .map((line) => {
    const [text = '', revoke, language = '', note = ''] = line.split('\t');
    if (revoke !== 'true' && revoke !== 'false')
      throw new Error(`revocationCorpus.tsv: expected true or false, got ${revoke} for ${text}`);
    return { text, revoke: revoke === 'true', language, note };
  });

const revokes = (text: string): boolean => ['opt_out', 'opt_out_request'].includes(classifySms(text).kind);
const percent = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1)} %`;

describe('revocation corpus: texts people send', () => {
  const revocations = corpus.filter((s) => s.revoke);
  const ordinary = corpus.filter((s) => !s.revoke);

  it('holds at least 300 texts, about half of them revocations, in English and Spanish', () => {
    expect(corpus.length).to.be.at.least(300);
    expect(revocations.length / corpus.length).to.be.within(0.35, 0.65);
    expect(new Set(corpus.map((s) => s.language))).to.include.members(['en', 'es']);
  });

  it('misses no revocation, and reads few ordinary replies as one', () => {
    const missed = revocations.filter((s) => !revokes(s.text));
    const falseRevocations = ordinary.filter((s) => revokes(s.text));
    console.log(
      `      missed revocations: ${missed.length} / ${revocations.length} (${percent(missed.length, revocations.length)}); ` +
        `false revocations: ${falseRevocations.length} / ${ordinary.length} (${percent(falseRevocations.length, ordinary.length)})`,
    );
    for (const s of falseRevocations) console.log(`      read as a revocation: ${JSON.stringify(s.text)} (${s.note})`);
    expect(missed.map((s) => `${s.text} (${s.note})`)).to.deep.equal([]);
    expect(falseRevocations.length / ordinary.length).to.be.below(0.05);
  });
});

import { expect } from 'chai';
import {
  renderHtml,
  renderText,
  templateProblems,
  type TemplateFields,
} from '../../../commands/messages/messageTemplates.ts';

const fields: TemplateFields = {
  contact: { name: 'Ana <Ruiz> & "Co"', firstName: 'Ana', phone: '+13125550100' },
  case: { id: 'case-1', externalId: 'PI-42', caseType: 'personal injury' },
  campaign: { id: 'c-1', name: 'Spring intake' },
  company: { name: 'Hartley & Vance LLP' },
};

describe('message templates', () => {
  it('fills contact, case, campaign and company fields, verbatim in texts', () =>
    expect(
      renderText(
        'Hi {{contact.firstName}}, {{company.name}} about case {{case.externalId}} ({{campaign.name}}): {{contact.name}}',
        fields,
      ),
    ).to.equal('Hi Ana, Hartley & Vance LLP about case PI-42 (Spring intake): Ana <Ruiz> & "Co"'));

  it('renders a field the contact lacks, or an unknown one, as empty', () =>
    expect(renderText('[{{contact.email}}][{{contact.nickname}}][{{nothing}}]', fields)).to.equal('[][][]'));

  it('escapes every value and the template text itself in email HTML, and keeps line breaks', () =>
    expect(renderHtml('Dear {{contact.name}},\nTom & Jerry say {{{contact.name}}}', fields)).to.equal(
      'Dear Ana &lt;Ruiz&gt; &amp; &quot;Co&quot;,<br>\nTom &amp; Jerry say Ana &lt;Ruiz&gt; &amp; &quot;Co&quot;',
    ));

  it('supports sections over known fields, so a line can depend on a field being there', () => {
    expect(
      renderText(
        '{{#contact.email}}Mail: {{contact.email}}{{/contact.email}}{{^contact.email}}no mail{{/contact.email}}',
        fields,
      ),
    ).to.equal('no mail');
    expect(templateProblems('{{#contact.email}}x{{/contact.email}}')).to.deep.equal([]);
  });

  it('finds nothing wrong with a good template', () =>
    expect(templateProblems('Hi {{contact.name}} from {{company.name}}')).to.deep.equal([]));

  it('names unknown fields, partials, and broken syntax', () => {
    const unknown = templateProblems('Hi {{contact.nickname}} {{contact.nickname}}');
    expect(unknown).to.have.length(1);
    expect(unknown[0]).to.match(/\{\{contact\.nickname\}\} is not a field/);
    expect(templateProblems('{{> footer}}')[0]).to.match(/partials/);
    expect(templateProblems('Call {{> footer}} now')[0]).to.match(/partials/);
    expect(templateProblems('Hi {{contact.name')[0]).to.match(/not a valid template: Unclosed tag/);
    expect(templateProblems('{{#case.id}}open')[0]).to.match(/not a valid template: Unclosed section/);
  });
});

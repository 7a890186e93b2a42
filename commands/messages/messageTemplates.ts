import Mustache from 'mustache';

/**
 * Workflow step templates, in Mustache (logic-less): `{{contact.name}}`, `{{case.externalId}}`,
 * `{{campaign.name}}`, `{{company.name}}`... A field the contact or case lacks renders empty, as
 * Mustache does; a field no contact could ever have is a problem `templateProblems` names before launch.
 * Texts and email text are rendered verbatim; email HTML escapes every value.
 */

export type TemplateFields = {
  readonly contact: {
    name?: string;
    firstName?: string;
    phone?: string;
    email?: string;
    state?: string;
    timezone?: string;
  };
  readonly case: { id?: string; externalId?: string; caseType?: string };
  readonly campaign: { id?: string; name?: string };
  readonly company: { name?: string };
};

export const templateFieldNames: readonly string[] = [
  'contact.name',
  'contact.firstName',
  'contact.phone',
  'contact.email',
  'contact.state',
  'contact.timezone',
  'case.id',
  'case.externalId',
  'case.caseType',
  'campaign.id',
  'campaign.name',
  'company.name',
];

// Sections carry their sub-tokens fifth; partials carry their indentation there instead.
type Token = [string, string, number, number, (Token[] | string)?];

const verbatim = { escape: (value: unknown) => String(value) };

/** The template with every field filled and nothing escaped: texts and plain-text email. */
export const renderText = (template: string, fields: TemplateFields): string =>
  Mustache.render(template, fields, {}, verbatim);

export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const escapedFields = (fields: TemplateFields): Record<string, Record<string, string>> =>
  Object.fromEntries(
    Object.entries(fields).map(([group, values]) => [
      group,
      Object.fromEntries(
        Object.entries(values as Record<string, string | undefined>).flatMap(([k, v]) =>
          v === undefined ? [] : [[k, escapeHtml(v)]],
        ),
      ),
    ]),
  );

/** The template as HTML: its own text and every value escaped (triple braces too), line breaks kept. */
export const renderHtml = (template: string, fields: TemplateFields): string =>
  Mustache.render(escapeHtml(template), escapedFields(fields), {}, verbatim).replace(/\r?\n/g, '<br>\n');

const namesIn = (tokens: readonly Token[]): { kind: string; name: string }[] =>
  tokens.flatMap(([kind, name, , , children]) => [
    { kind, name },
    ...(Array.isArray(children) ? namesIn(children) : []),
  ]);

/** What is wrong with a template, for launch validation: syntax, partials, fields no contact has. */
export const templateProblems = (template: string): string[] => {
  let tokens: Token[];
  try {
    tokens = Mustache.parse(template) as unknown as Token[];
  } catch (error) {
    return [`not a valid template: ${(error as Error).message}`];
  }
  const problems: string[] = [];
  for (const { kind, name } of namesIn(tokens)) {
    if (kind === 'text' || kind === '!') continue;
    if (kind === '>' || kind === '=')
      problems.push(`{{${kind}${name}}}: partials and delimiter changes are not supported`);
    else if (!templateFieldNames.includes(name))
      problems.push(`{{${name}}} is not a field (fields: ${templateFieldNames.join(', ')})`);
  }
  return [...new Set(problems)];
};

import { escapeHtml } from './messageTemplates.ts';

/** What ends every email: the sender's postal address (15 USC 7704(a)(5)) and the unsubscribe link (7704(a)(3)), side by side. */
export type EmailFooter = { readonly text: string; readonly html: string };

export const emailFooter = (postalAddress: string, unsubscribeUrl: string): EmailFooter => ({
  text: `\n\n${postalAddress}\nUnsubscribe: ${unsubscribeUrl}`,
  html: `<br>\n<br>\n<p>${escapeHtml(postalAddress).replace(/\n/g, '<br>\n')}<br>\n<a href="${escapeHtml(unsubscribeUrl)}">Unsubscribe</a></p>`,
});

/** The small pages a person sees behind an email unsubscribe link; nothing in them needs a cookie or a script. */

const escaped = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** `j***@example.com`: enough for the owner to recognise, not enough to harvest. */
export const maskedEmail = (address: string): string => {
  const [local = '', domain = ''] = address.split('@');
  return `${local.slice(0, 1)}***@${domain}`;
};

const page = (title: string, body: string): string =>
  `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escaped(title)}</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 32rem; margin: 3rem auto; padding: 0 1rem">
<h1 style="font-size: 1.4rem">${escaped(title)}</h1>
${body}
</body>
</html>
`;

/** Shown on GET, which changes nothing: the button unsubscribes by POST, as one-click mail clients do. */
export const confirmationPage = (address: string, action: string): string =>
  page(
    'Unsubscribe from our email?',
    `<p>Press the button to stop all email to ${escaped(maskedEmail(address))}.</p>
<form method="post" action="${escaped(action)}">
<input type="hidden" name="List-Unsubscribe" value="One-Click">
<button type="submit">Unsubscribe</button>
</form>`,
  );

export const confirmedPage = (address: string): string =>
  page('You are unsubscribed', `<p>We will send no more email to ${escaped(maskedEmail(address))}.</p>`);

export const refusedPage = (reason: 'malformed' | 'forged' | 'expired'): string =>
  reason === 'expired'
    ? page(
        'This link has expired',
        '<p>Please use the unsubscribe link of a more recent email, or reply to it asking us to stop.</p>',
      )
    : page(
        'This link is not valid',
        '<p>Please use the unsubscribe link exactly as it appears in the email, or reply to it asking us to stop.</p>',
      );

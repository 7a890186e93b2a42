/** A callback URL carrying our id in its query, so every callback names our call or message even before we know the carrier's id. */
export const withOurId = (url: string, name: 'callId' | 'messageId', id: string): string => {
  const parsed = new URL(url);
  parsed.searchParams.set(name, id);
  return parsed.toString();
};

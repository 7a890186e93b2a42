import type { ErrorDetail } from '../errors.ts';
import { E164, EXAMPLE_PHONE } from '../values.ts';
import type { CreateAgent } from './commands.ts';

/** Voice AI audio travels over the internet: only encrypted transports are accepted. */
const SECURE_STREAM_PROTOCOLS = ['wss:', 'https:'];

const streamUrlProblem = (streamUrl: string): string | undefined => {
  let url: URL;
  try {
    url = new URL(streamUrl);
  } catch {
    return 'expected an absolute wss:// or https:// URL';
  }
  if (!SECURE_STREAM_PROTOCOLS.includes(url.protocol))
    return `expected a wss:// or https:// URL, got ${url.protocol}//`;
  if (url.username || url.password) return 'credentials do not belong in the URL';
  if (streamUrl.length > 2000) return 'at most 2000 characters';
  return undefined;
};

/** Every problem of an agent's settings at once, each named by its path in the request. */
export const agentProblems = (data: CreateAgent['data']): ErrorDetail[] => {
  const problems: ErrorDetail[] = [];
  if (data.voice.trim().length === 0 || data.voice.length > 100)
    problems.push({ path: 'voice', message: 'expected a voice name of 1 to 100 characters' });
  const url = streamUrlProblem(data.streamUrl);
  if (url) problems.push({ path: 'streamUrl', message: url });
  if (!E164.is(data.callerNumber))
    problems.push({ path: 'callerNumber', message: `expected a phone number in E.164 form (${EXAMPLE_PHONE})` });
  if (data.form && !data.form.found) problems.push({ path: 'formId', message: 'no form with this id in your company' });
  return problems;
};

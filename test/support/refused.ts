import { expect } from 'chai';
import type { Answer, Api } from './apiHarness.ts';

/** A refused request: the expected status as problem+json, and not one event appended. */
export const refusedWithoutEvents = async (api: Api, status: number, send: () => Promise<Answer>): Promise<Answer> => {
  const before = await api.eventCount();
  const answer = await send();
  expect(answer.status, answer.text).to.equal(status);
  expect(answer.headers.get('content-type')).to.match(/application\/problem\+json/);
  expect(await api.eventCount()).to.equal(before);
  return answer;
};

/** The paths a validation problem names. */
export const errorPaths = (answer: Answer): string[] => answer.body.errors.map((e: { path: string }) => e.path);

import type { ErrorDetail } from '../errors.ts';
import { TimeOfDay, TimeZone } from '../values.ts';
import type { ReportSchedule, Voicemail, Workflow, WorkflowStep } from './draft.ts';
import { sendAtInstant } from '../workflow/sendAt.ts';
import { named } from '../namedValue.ts';

/** Monthly reports run on days every month has. */
const lastMonthlyDay = 28;

/** A report mailed to more people than this is a mailing list's job. */
export const maxReportRecipients = 20;

/** The longest window a report may cover, by unit: ten years. */
const longestWindow = { days: 3660, weeks: 522, months: 120 } as const;

/** A report schedule is valid when it can run: a time, its day, a zone if named, and someone to send it to. */
export const reportScheduleProblems = (
  path: string,
  schedule: ReportSchedule,
  isEmail: (s: string) => boolean,
): ErrorDetail[] => {
  const problems: ErrorDetail[] = [];
  if (!TimeOfDay.is(schedule.time) || schedule.time === '24:00')
    problems.push({ path: `${path}.time`, message: 'expected a time of day HH:mm' });
  if (schedule.frequency === 'weekly' && schedule.dayOfWeek === undefined)
    problems.push({ path: `${path}.dayOfWeek`, message: 'a weekly report needs a weekday' });
  if (schedule.frequency === 'monthly') {
    const day = schedule.dayOfMonth;
    if (day === undefined || !Number.isInteger(day) || day < 1 || day > lastMonthlyDay)
      problems.push({
        path: `${path}.dayOfMonth`,
        message: `a monthly report needs a day of the month from 1 to ${lastMonthlyDay}`,
      });
  }
  if (schedule.timezone !== undefined && !TimeZone.is(schedule.timezone))
    problems.push({ path: `${path}.timezone`, message: 'expected an IANA time zone such as America/Chicago' });
  if (schedule.recipients.length === 0)
    problems.push({ path: `${path}.recipients`, message: 'add at least one recipient' });
  if (schedule.recipients.length > maxReportRecipients)
    problems.push({ path: `${path}.recipients`, message: `at most ${maxReportRecipients} recipients` });
  schedule.recipients.forEach((recipient, i) => {
    if (!isEmail(recipient)) problems.push({ path: `${path}.recipients.${i}`, message: 'expected an email address' });
  });
  const window = schedule.window;
  if (window !== undefined) {
    const longest = longestWindow[window.unit];
    if (!Number.isInteger(window.last) || window.last < 1 || window.last > longest)
      problems.push({
        path: `${path}.window.last`,
        message: `expected a whole number of ${window.unit} from 1 to ${longest}`,
      });
  }
  return problems;
};

/** A workflow can run when its trigger can happen and each of its steps can be sent. */
export const workflowProblems = (
  path: string,
  workflow: Workflow,
  form: { fieldKeys: readonly string[] } | undefined,
): ErrorDetail[] => {
  const problems: ErrorDetail[] = [];
  const trigger = workflow.trigger;
  if (trigger.kind === 'form_answer') {
    if (!form)
      problems.push({
        path: `${path}.trigger.fieldKey`,
        message: 'a form answer trigger needs the campaign to have a form',
      });
    else if (!form.fieldKeys.includes(trigger.fieldKey))
      problems.push({
        path: `${path}.trigger.fieldKey`,
        message: `the form has no field ${named(trigger.fieldKey, 'key')}`,
      });
  }
  if (workflow.steps.length === 0)
    problems.push({ path: `${path}.steps`, message: 'add at least one SMS or email step' });
  workflow.steps.forEach((step, i) => {
    const at = `${path}.steps.${i}`;
    if (step.body.trim() === '') problems.push({ path: `${at}.body`, message: 'write the message' });
    if (step.channel === 'email' && (step.subject ?? '').trim() === '')
      problems.push({ path: `${at}.subject`, message: 'an email needs a subject' });
    if (step.delayMinutes !== undefined && (!Number.isSafeInteger(step.delayMinutes) || step.delayMinutes < 0))
      problems.push({ path: `${at}.delayMinutes`, message: 'the delay must be a whole number of minutes, 0 or more' });
    problems.push(...sendAtProblems(at, step));
  });
  return problems;
};

/** A dated step: a real local date and time, in a real zone when one is named, and no delay beside it. */
const sendAtProblems = (at: string, step: WorkflowStep): ErrorDetail[] => {
  const problems: ErrorDetail[] = [];
  if (step.timezone !== undefined && !TimeZone.is(step.timezone))
    problems.push({ path: `${at}.timezone`, message: 'expected an IANA time zone such as America/Chicago' });
  if (step.sendAt === undefined) {
    if (step.timezone !== undefined)
      problems.push({
        path: `${at}.timezone`,
        message: 'a time zone dates sendAt: set sendAt, or remove the time zone',
      });
    return problems;
  }
  if (step.delayMinutes !== undefined)
    problems.push({
      path: `${at}.sendAt`,
      message: 'choose either sendAt or delayMinutes: a step is sent at a date and time or after a delay, not both',
    });
  if (sendAtInstant(step.sendAt, 'UTC') === undefined)
    problems.push({
      path: `${at}.sendAt`,
      message: 'expected a local date and time YYYY-MM-DDTHH:mm, such as 2027-01-10T09:00',
    });
  return problems;
};

/** A message left on a machine or texted after it needs words; hanging up needs none. */
export const voicemailProblems = (path: string, voicemail: Voicemail | undefined): ErrorDetail[] => {
  if (voicemail === undefined || voicemail.policy === 'hang_up') return [];
  const what = voicemail.policy === 'leave_message' ? 'leaving a message' : 'a follow-up text';
  return (voicemail.message ?? '').trim() === ''
    ? [{ path: `${path}.message`, message: `write the message for ${what}` }]
    : [];
};

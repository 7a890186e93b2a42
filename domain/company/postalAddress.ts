import { ValidationError } from '../errors.ts';

export const MAX_POSTAL_ADDRESS = 500;
export const MAX_POSTAL_ADDRESS_LINES = 8;

// eslint-disable-next-line no-control-regex -- finding control characters (but the line feed) is the point
const controlCharacter = /[\u0000-\u0009\u000b-\u001f\u007f]/;

/**
 * A postal address as every email footer prints it: lines of text (CRLF or LF), each trimmed, blank
 * lines dropped; at least one line, at most 8 lines and 500 characters, no other control characters.
 */
export const validPostalAddress = (raw: string): string => {
  const lines = raw
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  const address = lines.join('\n');
  const problem =
    lines.length === 0
      ? 'is required: the street or post office box, city, state and ZIP code mail reaches the company at'
      : address.length > MAX_POSTAL_ADDRESS
        ? `must be at most ${MAX_POSTAL_ADDRESS} characters, got ${address.length}`
        : lines.length > MAX_POSTAL_ADDRESS_LINES
          ? `must be at most ${MAX_POSTAL_ADDRESS_LINES} lines, got ${lines.length}`
          : controlCharacter.test(address)
            ? 'must be plain text: lines of printable characters'
            : undefined;
  if (problem)
    throw new ValidationError('SETTINGS.INVALID', `The postal address ${problem}.`, [
      { path: 'postalAddress', message: problem },
    ]);
  return address;
};

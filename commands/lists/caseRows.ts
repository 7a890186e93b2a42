import * as t from 'io-ts';
import { CaseType, NonEmptyString } from '../../domain/values.ts';
import type { Case, Contact } from '../../domain/list/events.ts';
import { ContactInput, decoded, normaliseContact, reasonOf, withoutBlanks, type NormalisationDeps } from './contactNormalisation.ts';
import type { CsvRow, RejectedRow } from './csvRows.ts';

const RowInput = t.intersection([t.type({ externalId: NonEmptyString, caseType: CaseType }), ContactInput]);

/** A case built from rows, with the rows it came from, so the list's verdict on it reaches each row. */
export type CaseFromRows = { readonly case: Case; readonly rows: readonly number[] };

type Building = { readonly caseId: string; readonly externalId: string; readonly caseType: string; readonly caseRow: number; contacts: Contact[]; rows: number[] };

/**
 * Rows with the same external id form one case, in the order the ids first appear. A row is refused
 * alone: when it cannot be read, names another case type than the case's first row, or repeats a
 * phone already on its case; the case keeps its other rows. Rows are taken one at a time, as a file is read.
 */
export const caseRowsBuilder = (deps: NormalisationDeps) => {
  const building = new Map<string, Building>();
  const rejected: RejectedRow[] = [];
  const take = ({ row, fields }: CsvRow): void => {
    const input = decoded(RowInput, withoutBlanks(fields));
    if (!input.ok) {
      rejected.push({ row, reason: reasonOf(input.problems) });
      return;
    }
    const contact = normaliseContact(input.value, deps);
    if (!contact.ok) {
      rejected.push({ row, reason: reasonOf(contact.problems) });
      return;
    }
    const { externalId, caseType } = input.value;
    const found = building.get(externalId) ?? { caseId: deps.newId(), externalId, caseType, caseRow: row, contacts: [], rows: [] };
    building.set(externalId, found);
    const samePhone = found.contacts.findIndex((c) => c.phone === contact.value.phone);
    if (caseType !== found.caseType)
      rejected.push({ row, reason: `caseType: '${caseType}' differs from '${found.caseType}' given for case '${externalId}' in row ${found.caseRow}` });
    else if (samePhone >= 0) rejected.push({ row, reason: `phone: ${contact.value.phone} is already a contact of case '${externalId}' (row ${found.rows[samePhone]})` });
    else {
      found.contacts.push(contact.value);
      found.rows.push(row);
    }
  };
  const built = (): { cases: CaseFromRows[]; rejected: RejectedRow[] } => {
    // Copies, as arrays grown by push keep room for 16 items: a list of single-contact cases would carry 15 empty slots each.
    const cases = [...building.values()]
      .filter((found) => found.contacts.length > 0)
      .map(({ caseId, externalId, caseType, contacts, rows: from }) => ({ case: { caseId, externalId, caseType, contacts: contacts.slice() }, rows: from.slice() }));
    return { cases, rejected };
  };
  return { take, built };
};

/** The cases of rows read already, as `caseRowsBuilder` builds them. */
export const casesFromRows = (rows: readonly CsvRow[], deps: NormalisationDeps): { cases: CaseFromRows[]; rejected: RejectedRow[] } => {
  const builder = caseRowsBuilder(deps);
  for (const row of rows) builder.take(row);
  return builder.built();
};

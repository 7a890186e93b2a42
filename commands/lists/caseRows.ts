import * as t from 'io-ts';
import { CaseType, NonEmptyString } from '../../domain/values.ts';
import type { Case, Contact } from '../../domain/list/events.ts';
import {
  ContactInput,
  decoded,
  normaliseContact,
  reasonOf,
  withoutBlanks,
  type NormalisationDeps,
} from './contactNormalisation.ts';
import type { CsvRow, RejectedRow } from './csvRows.ts';

const RowInput = t.intersection([t.type({ externalId: NonEmptyString, caseType: CaseType }), ContactInput]);

/** A case built from rows, with the rows it came from, so the list's verdict on it reaches each row. */
export type CaseFromRows = { readonly case: Case; readonly rows: readonly number[] };

/** A case as its rows arrive: the case itself, its contacts growing, and the row each contact came from. */
type Building = { readonly case: Case & { contacts: Contact[] }; readonly caseRow: number; rows: number[] };

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
    const found = building.get(externalId);
    if (!found) {
      // Arrays made with their first item hold just that: most cases have one row, and pushing into [] reserves 16 slots.
      building.set(externalId, {
        case: { caseId: deps.newId(), externalId, caseType, contacts: [contact.value] },
        caseRow: row,
        rows: [row],
      });
      return;
    }
    const samePhone = found.case.contacts.findIndex((c) => c.phone === contact.value.phone);
    if (caseType !== found.case.caseType)
      rejected.push({
        row,
        reason: `caseType: '${caseType}' differs from '${found.case.caseType}' given for case '${externalId}' in row ${found.caseRow}`,
      });
    else if (samePhone >= 0)
      rejected.push({
        row,
        reason: `phone: ${contact.value.phone} is already a contact of case '${externalId}' (row ${found.rows[samePhone]})`,
      });
    else {
      found.case.contacts.push(contact.value);
      found.rows.push(row);
    }
  };
  const built = (): { cases: CaseFromRows[]; rejected: RejectedRow[] } => {
    const cases = [...building.values()].map((found) => {
      // Arrays grown by push keep spare slots; copies hold just their items.
      if (found.rows.length > 1) {
        found.case.contacts = found.case.contacts.slice();
        found.rows = found.rows.slice();
      }
      return { case: found.case, rows: found.rows };
    });
    return { cases, rejected };
  };
  return { take, built };
};

/** The cases of rows read already, as `caseRowsBuilder` builds them. */
export const casesFromRows = (
  rows: readonly CsvRow[],
  deps: NormalisationDeps,
): { cases: CaseFromRows[]; rejected: RejectedRow[] } => {
  const builder = caseRowsBuilder(deps);
  for (const row of rows) builder.take(row);
  return builder.built();
};

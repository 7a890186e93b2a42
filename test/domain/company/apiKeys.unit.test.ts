import { companyDecider, MAX_ACTIVE_API_KEYS } from '../../../domain/company/decider.ts';
import { IllegalStateError, NotFoundError, ValidationError } from '../../../domain/errors.ts';
import { deciderSpecification } from '../../support/deciderSpecification.ts';
import {
  companyId,
  firstKeyId,
  hash,
  keyIssued,
  keyRevoked,
  openedCompany,
  otherCompanyId,
  secondKeyId,
} from './companyFixtures.ts';

const spec = deciderSpecification(companyDecider);
const issue = (keyId = secondKeyId, name = 'CRM sync', forCompany = companyId) =>
  ({ type: 'IssueApiKey', data: { companyId: forCompany, keyId, name, secretHash: hash(2) } }) as const;
const revoke = (keyId: string, forCompany = companyId) =>
  ({ type: 'RevokeApiKey', data: { companyId: forCompany, keyId } }) as const;
const keyId = (n: number) => `01970000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;

describe('company decider: API keys', () => {
  describe('issuing', () => {
    it('issues a key with only its hash', () => {
      spec
        .given(openedCompany)
        .when(issue())
        .then([keyIssued(secondKeyId, 'CRM sync', 2)]);
    });

    it('answers 404 for a company that does not exist', () => {
      spec
        .given([])
        .when(issue())
        .thenThrows(NotFoundError, /No company/, 'COMPANY.NOT_FOUND');
    });

    it("answers 404 when the command names another company than the stream's", () => {
      spec
        .given(openedCompany)
        .when(issue(secondKeyId, 'CRM sync', otherCompanyId))
        .thenThrows(NotFoundError, /No company/, 'COMPANY.NOT_FOUND');
    });

    it('refuses a key id that is already taken', () => {
      spec
        .given(openedCompany)
        .when(issue(firstKeyId))
        .thenThrows(IllegalStateError, /already exists/, 'API_KEY.ALREADY_EXISTS');
    });

    it('refuses a blank or overlong key name', () => {
      spec
        .given(openedCompany)
        .when(issue(secondKeyId, ' '))
        .thenThrows(ValidationError, /cannot be issued/, 'API_KEY.INVALID');
      spec
        .given(openedCompany)
        .when(issue(secondKeyId, 'n'.repeat(101)))
        .thenThrows(ValidationError, /cannot be issued/, 'API_KEY.INVALID');
    });

    it(`refuses a key beyond ${MAX_ACTIVE_API_KEYS} active ones, and counts revoked keys out`, () => {
      const full = [
        ...openedCompany,
        ...Array.from({ length: MAX_ACTIVE_API_KEYS - 1 }, (_, i) => keyIssued(keyId(i + 1))),
      ];
      spec
        .given(full)
        .when(issue())
        .thenThrows(IllegalStateError, /at most 100/, 'API_KEY.TOO_MANY');
      spec
        .given([...full, keyRevoked(keyId(1))])
        .when(issue())
        .then([keyIssued(secondKeyId, 'CRM sync', 2)]);
    });
  });

  describe('revoking', () => {
    it('revokes a key while another stays active', () => {
      spec
        .given([...openedCompany, keyIssued(secondKeyId)])
        .when(revoke(firstKeyId))
        .then([keyRevoked(firstKeyId)]);
    });

    it('answers 404 for a key the company does not have', () => {
      spec
        .given(openedCompany)
        .when(revoke(secondKeyId))
        .thenThrows(NotFoundError, /No API key/, 'API_KEY.NOT_FOUND');
    });

    it('answers 404 for a company that does not exist', () => {
      spec
        .given([])
        .when(revoke(firstKeyId))
        .thenThrows(NotFoundError, /No company/, 'COMPANY.NOT_FOUND');
    });

    it("refuses to revoke the company's last active key", () => {
      spec
        .given(openedCompany)
        .when(revoke(firstKeyId))
        .thenThrows(IllegalStateError, /last active API key/, 'API_KEY.LAST_ACTIVE_KEY');
      spec
        .given([...openedCompany, keyIssued(secondKeyId), keyRevoked(firstKeyId)])
        .when(revoke(secondKeyId))
        .thenThrows(IllegalStateError, /last active API key/, 'API_KEY.LAST_ACTIVE_KEY');
    });

    it('decides nothing when the key is already revoked', () => {
      spec
        .given([...openedCompany, keyIssued(secondKeyId), keyRevoked(firstKeyId)])
        .when(revoke(firstKeyId))
        .then([]);
    });
  });
});

import { useCallback } from 'react';

import { organizations } from '../api/organizations';
import type { Amount, OrganizationDetails } from '../api/types';
import { useOrganization } from '../session/OrganizationContext';
import { formatAmount } from './amounts';
import { formatDate, formatDateTime, formatMonth } from './dates';
import { useResource } from './useResource';

// One GET /v1/orgs/{org} per organization and page load, shared by every ledger screen. Kept in
// memory only; a failed load is forgotten so the next screen asks again.
const details = new Map<number, Promise<OrganizationDetails>>();

function loadDetails(org: number): Promise<OrganizationDetails> {
  let pending = details.get(org);
  if (pending === undefined) {
    pending = organizations.get(org);
    details.set(org, pending);
    pending.catch(() => details.delete(org));
  }
  return pending;
}

export interface Books {
  /** BCP 47: the organization's, or the browser's until that is known. */
  locale: string;
  /** The organization's currency, once known; each ledger answer also names its own. */
  currency: string | undefined;
  /** An amount in `currency`, as the organization's locale writes it. */
  money: (amount: Amount, currency: string) => string;
  date: (date: string | null | undefined) => string;
  /** An RFC 3339 time, in the user's time zone. */
  dateTime: (time: string | null | undefined) => string;
  month: (month: string, style?: 'short' | 'long') => string;
}

function browserLocale(): string {
  return typeof navigator === 'undefined' ? 'en-US' : navigator.language;
}

/** How the URL's organization writes money and dates. */
export function useBooks(): Books {
  const { id } = useOrganization();
  const resource = useResource(
    `books-${String(id)}`,
    () => loadDetails(id),
    () => true,
  );
  const locale =
    resource.data?.locale !== undefined && resource.data.locale !== ''
      ? resource.data.locale
      : browserLocale();
  const money = useCallback(
    (amount: Amount, currency: string) => formatAmount(amount, currency, locale),
    [locale],
  );
  const date = useCallback(
    (value: string | null | undefined) => formatDate(value, locale),
    [locale],
  );
  const dateTime = useCallback(
    (value: string | null | undefined) => formatDateTime(value, locale),
    [locale],
  );
  const month = useCallback(
    (value: string, style?: 'short' | 'long') => formatMonth(value, locale, style),
    [locale],
  );
  return { locale, currency: resource.data?.currency, money, date, dateTime, month };
}

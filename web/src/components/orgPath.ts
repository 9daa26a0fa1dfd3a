/** `/orgs/3/transactions?account=7` for organization 3 and `transactions?account=7`. */
export function orgPath(org: number, path = ''): string {
  return path === '' ? `/orgs/${String(org)}` : `/orgs/${String(org)}/${path}`;
}

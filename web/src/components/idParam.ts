/**
 * A record id from a route parameter or a query value: a positive whole number of at most 16
 * digits (what the API's ids are), or null for anything else.
 */
export function idParam(param: string | null | undefined): number | null {
  return param && /^[1-9][0-9]{0,15}$/.test(param) ? Number(param) : null;
}

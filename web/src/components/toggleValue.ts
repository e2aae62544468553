/** The list with `value` in it (last) or out of it: a checkbox ticked or unticked. */
export function toggleValue<V>(list: readonly V[], value: V, on: boolean): V[] {
  const rest = list.filter((other) => other !== value);
  return on ? [...rest, value] : rest;
}

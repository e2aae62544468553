import { Fragment, type ReactNode } from 'react';

/** Fills `{name}` placeholders in `template` with `<code>` elements (setting names, commands). */
export function withCode(template: string, codes: Record<string, string>): ReactNode[] {
  return template.split(/(\{\w+\})/).map((part, index) => {
    const name = /^\{(\w+)\}$/.exec(part)?.[1];
    if (name !== undefined && name in codes) return <code key={index}>{codes[name]}</code>;
    return <Fragment key={index}>{part}</Fragment>;
  });
}

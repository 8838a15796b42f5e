/**
 * A reader for `swanctl --raw` output: vici messages printed as text, e.g.
 * `list-sa event {c {state=ESTABLISHED child-sas {t-1 {state=INSTALLED local-ts=[10.0.0.0/24]}}}}`.
 * Sections become objects, `key=value` strings, `key=[a b]` string lists. Values never hold
 * spaces or braces for what these tests read (addresses, states, algorithm names, numbers).
 */
export type ViciValue = string | readonly string[] | ViciSection;
export interface ViciSection {
  readonly [key: string]: ViciValue;
}

const TOKEN =
  /\s*(?:([^\s{}=[\]]+)=\[([^\]]*)\]|([^\s{}=[\]]+)=([^\s{}]*)|([^\s{}=[\]]+)\s*\{|(\}))/y;

/** Parses one printed message body (the `{…}` after its name). */
export function parseViciText(text: string): ViciSection {
  const open = text.indexOf('{');
  if (open < 0) throw new Error(`not a vici message: ${text}`);
  const stack: Record<string, ViciValue>[] = [{}];
  TOKEN.lastIndex = open + 1;
  for (;;) {
    const match = TOKEN.exec(text);
    if (match === null) break;
    const top = stack[stack.length - 1];
    if (top === undefined) break;
    const [, listKey, listBody, key, value, sectionKey, close] = match;
    if (listKey !== undefined) {
      top[listKey] = (listBody ?? '').split(/\s+/).filter((item) => item !== '');
    } else if (key !== undefined) {
      top[key] = value ?? '';
    } else if (sectionKey !== undefined) {
      const section: Record<string, ViciValue> = {};
      top[sectionKey] = section;
      stack.push(section);
    } else if (close !== undefined) {
      if (stack.length === 1) break;
      stack.pop();
    }
  }
  const root = stack[0];
  if (root === undefined) throw new Error('unbalanced vici text');
  return root;
}

export function section(value: ViciValue | undefined): ViciSection {
  return typeof value === 'object' && !Array.isArray(value) ? (value as ViciSection) : {};
}

export function text(value: ViciValue | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function list(value: ViciValue | undefined): readonly string[] {
  return Array.isArray(value) ? (value as readonly string[]) : [];
}

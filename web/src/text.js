// Every word the pages show comes from one file per language; this one is English.
import en from '../text/en.json';

export const text = en;
export const locale = en.locale;

/** Looks up a dotted key and fills {placeholders}: t('time.with', { name: 'Ben' }). */
export function t(key, values) {
  let value = key.split('.').reduce((node, part) => (node == null ? node : node[part]), en);
  if (typeof value !== 'string') {
    return key;
  }

  for (const [name, v] of Object.entries(values ?? {})) {
    value = value.split(`{${name}}`).join(String(v));
  }

  return value;
}

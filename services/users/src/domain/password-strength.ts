/** Passwords are judged by length and guessability only (NIST SP 800-63B): no composition rules. */
export const passwordLength = { min: 12, max: 128 } as const;

/**
 * Why `password` would be guessed early, or undefined when it is acceptable. `common` holds the
 * most common passwords in lower case; attackers try those first, also with digits or symbols
 * appended and written twice, so those variants count as common too.
 */
export function weakPasswordReason(password: string, common: ReadonlySet<string>): string | undefined {
  const lower = password.toLowerCase();
  if (new Set(lower).size < 4) return 'uses too few different characters';
  if (common.has(lower)) return 'is one of the most common passwords';
  const base = lower.replace(/[\d\W_]+$/, '');
  if (base !== lower && common.has(base)) return 'is a common password with digits or symbols added';
  const unit = repeatedUnit(lower);
  if (unit && common.has(unit)) return 'is a common password repeated';
  return undefined;
}

/** The shortest string that `text` is two or more copies of, if there is one. */
function repeatedUnit(text: string): string | undefined {
  const period = (text + text).indexOf(text, 1);
  return period < text.length ? text.slice(0, period) : undefined;
}

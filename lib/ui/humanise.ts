/** 'SETTLED_TENANT' -> 'Settled tenant': a fallback label for enum values. */
export function humanise(value: string): string {
  const words = value.toLowerCase().split('_');
  const sentence = words.join(' ');
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

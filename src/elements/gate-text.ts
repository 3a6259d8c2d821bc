/** The `<assent-gate>` placeholder's strings in one language (built in for every language). */
export interface GateTexts {
  /** Names the content when the gate has no `label` and its template's element no `title`. */
  content: string;
  /** The placeholder's sentence: `{content}` is the content's name, `{consent}` what it needs. */
  text: string;
  /** The accept button: `{consent}` is what it allows. */
  allow: string;
}

/** A piece of a filled-in string: translated text, or a value put in for `{field}`. */
export interface TextPart {
  text: string;
  field?: string;
}

/**
 * Splits `template` around the `{name}` fields it has values for, in order. The values stay
 * separate parts, so that the page can isolate them (`<bdi>`): a site's English label inside an
 * Arabic sentence keeps its own direction and does not reorder the words around it.
 */
export function fill(template: string, values: Record<string, string>): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of template.matchAll(/\{(\w+)\}/g)) {
    const field = match[1]!;
    if (!Object.hasOwn(values, field)) continue;
    if (match.index > last) parts.push({ text: template.slice(last, match.index) });
    parts.push({ text: values[field]!, field });
    last = match.index + match[0].length;
  }
  if (last < template.length) parts.push({ text: template.slice(last) });
  return parts;
}

/** The placeholder's sentence (naming the content and the consent it needs) and its button. */
export function placeholderText(
  texts: GateTexts,
  content: string | null | undefined,
  labels: readonly string[],
): { sentence: TextPart[]; button: TextPart[] } {
  const consent = labels.join(' + ');
  return {
    sentence: fill(texts.text, { content: content || texts.content, consent }),
    button: fill(texts.allow, { consent }),
  };
}

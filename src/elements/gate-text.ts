/** The `<assent-gate>` placeholder's strings in one language (built in for every language). */
export interface GateTexts {
  /** Names the content when the gate has no `label` and its template's element no `title`. */
  content: string;
  /** The placeholder's sentence: `{content}` is the content's name, `{consent}` what it needs. */
  text: string;
  /** The accept button: `{consent}` is what it allows. */
  allow: string;
}

/** The placeholder's sentence around the consent it names (shown in bold), and its button. */
export interface PlaceholderText {
  before: string;
  consent: string;
  after: string;
  button: string;
}

/**
 * Fills a language's placeholder strings. Replacers are functions, so that a `$&` in a site's
 * label stays text. A translation without `{consent}` shows its sentence alone.
 */
export function placeholderText(
  texts: GateTexts,
  content: string | null | undefined,
  labels: readonly string[],
): PlaceholderText {
  const consent = labels.join(' + ');
  const sentence = texts.text.replace('{content}', () => content || texts.content);
  const at = sentence.indexOf('{consent}');
  return {
    before: at < 0 ? sentence : sentence.slice(0, at),
    consent: at < 0 ? '' : consent,
    after: at < 0 ? '' : sentence.slice(at + '{consent}'.length),
    button: texts.allow.replace('{consent}', () => consent),
  };
}

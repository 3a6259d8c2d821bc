/**
 * Which language the widget shows, given the visitor's, the project's and the built-in ones:
 * shared by the loader (which imports the notice module of that language, `notice-<code>.js`)
 * and the UI (which renders in it), so that both pick the same.
 */

/** `pt-BR` → [`pt-br`, `pt`]; `zh-Hans-CN` → [`zh-hans-cn`, `zh`]. */
export function languageForms(language: string): string[] {
  const tag = language.toLowerCase().replace(/_/g, '-');
  const primary = tag.split('-')[0]!;
  return tag === primary ? [tag] : [tag, primary];
}

/**
 * The first of the visitor's languages the project has texts for or the widget has strings for
 * (`builtIn`), else the project's default language. `languages` is `[data-language, <html lang>,
 * ...navigator.languages]`, most preferred first.
 */
export function pickLanguage(
  languages: readonly string[],
  projectLanguages: readonly string[],
  defaultLanguage: string,
  builtInCodes: ReadonlySet<string>,
): { language: string; textsKey: string | undefined; builtIn: string } {
  const project = new Set(projectLanguages.map((language) => language.toLowerCase()));
  const projectKey = (form: string) =>
    projectLanguages.find((language) => language.toLowerCase() === form);
  for (const language of [...languages, defaultLanguage]) {
    for (const form of languageForms(language)) {
      if (!project.has(form) && !builtInCodes.has(form)) continue;
      const all = languageForms(language);
      const textsKey = all.map(projectKey).find((key) => key !== undefined);
      const builtIn = all.find((candidate) => builtInCodes.has(candidate)) ?? 'en';
      return { language: form, textsKey, builtIn };
    }
  }
  return { language: 'en', textsKey: projectKey('en'), builtIn: 'en' };
}

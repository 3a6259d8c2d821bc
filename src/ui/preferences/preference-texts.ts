import type { ConsentCategory, ConsentState } from '../../core/types.ts';

/**
 * Texts the preference center adds to the notice's. Built in for the languages the notice ships
 * with; the project config carries only the notice's texts so far.
 */
export interface PreferenceTexts {
  title: string;
  intro: string;
  close: string;
  readMore: string;
  fullText: string;
  categories: Record<'privacy_setting' | 'communication' | 'disclosure' | 'custom', string>;
  states: Record<ConsentState | 'none', string>;
  given: string;
  expires: string;
}

const TEXTS: Record<string, PreferenceTexts> = {
  en: {
    title: 'Privacy preferences',
    intro: 'Choose what you allow. You can change or withdraw any choice here at any time.',
    close: 'Close',
    readMore: 'Read more',
    fullText: 'Full text',
    categories: {
      privacy_setting: 'Cookies and tracking',
      communication: 'Messages to you',
      disclosure: 'Policies',
      custom: 'Other',
    },
    states: {
      accepted: 'Allowed',
      implied: 'Allowed (implied)',
      declined: 'Not allowed',
      viewed: 'Seen',
      none: 'No choice yet',
    },
    given: 'since',
    expires: 'until',
  },
  de: {
    title: 'Datenschutz-Einstellungen',
    intro:
      'Wählen Sie, was Sie erlauben. Sie können jede Wahl hier jederzeit ändern oder widerrufen.',
    close: 'Schließen',
    readMore: 'Mehr erfahren',
    fullText: 'Volltext',
    categories: {
      privacy_setting: 'Cookies und Tracking',
      communication: 'Nachrichten an Sie',
      disclosure: 'Richtlinien',
      custom: 'Weiteres',
    },
    states: {
      accepted: 'Erlaubt',
      implied: 'Erlaubt (stillschweigend)',
      declined: 'Nicht erlaubt',
      viewed: 'Gesehen',
      none: 'Noch keine Wahl',
    },
    given: 'seit',
    expires: 'bis',
  },
  fr: {
    title: 'Préférences de confidentialité',
    intro:
      'Choisissez ce que vous autorisez. Vous pouvez modifier ou retirer chaque choix ici à tout moment.',
    close: 'Fermer',
    readMore: 'En savoir plus',
    fullText: 'Texte complet',
    categories: {
      privacy_setting: 'Cookies et mesure',
      communication: 'Messages',
      disclosure: 'Politiques',
      custom: 'Autres',
    },
    states: {
      accepted: 'Autorisé',
      implied: 'Autorisé (implicite)',
      declined: 'Refusé',
      viewed: 'Vu',
      none: 'Pas encore de choix',
    },
    given: 'depuis le',
    expires: 'jusqu’au',
  },
};

export function preferenceTextsFor(languages: readonly string[]): PreferenceTexts {
  for (const language of languages) {
    const texts = TEXTS[language.toLowerCase().split('-')[0]!];
    if (texts) return texts;
  }
  return TEXTS.en!;
}

/** The heading a category is listed under (`custom_*` counts as custom). */
export function categoryKey(category: ConsentCategory): keyof PreferenceTexts['categories'] {
  return category === 'privacy_setting' || category === 'communication' || category === 'disclosure'
    ? category
    : 'custom';
}

import type { TcfStrings } from '../tcf-strings.ts';

const strings: TcfStrings = {
  intro:
    'Wir und unsere {n} Partner speichern und/oder greifen auf Informationen auf Ihrem Gerät zu und verarbeiten personenbezogene Daten wie eindeutige Kennungen und Browsing-Daten für die unten genannten Zwecke. Einige Partner berufen sich auf berechtigtes Interesse, dem Sie widersprechen können. Sie können Ihre Auswahl jederzeit über den Link unten auf der Seite ändern.',
  partners: 'Unsere {n} Partner ansehen',
  purposes: 'Zwecke',
  specialPurposes: 'Besondere Zwecke (ohne Wahl: für den Dienst nötig)',
  features: 'Funktionen',
  specialFeatures: 'Besondere Funktionen',
  stacks: 'Zweckgruppen',
  vendors: 'Partner',
  consent: 'Einwilligung',
  legitimateInterest: 'Berechtigtes Interesse (ausschalten, um zu widersprechen)',
  retention: 'Speichert Daten {n} Tage',
  cookieAge: 'Cookies bis zu {n} Tage',
  dataCategories: 'Verwendete Daten',
  googleProviders: 'Anbieter von Google-Werbetechnologien',
  provider: 'Anbieter {n}',
  back: 'Zurück',
};

export default strings;

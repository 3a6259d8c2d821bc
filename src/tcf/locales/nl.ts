import type { TcfStrings } from '../tcf-strings.ts';

const strings: TcfStrings = {
  intro:
    'Wij en onze {n} partners slaan informatie op uw apparaat op en/of openen die, en verwerken persoonsgegevens, zoals unieke identificatoren en browsegegevens, voor de doeleinden hieronder. Sommige partners beroepen zich op een gerechtvaardigd belang, waartegen u bezwaar kunt maken. U kunt uw keuzes altijd wijzigen via de link onderaan de pagina.',
  partners: 'Bekijk onze {n} partners',
  purposes: 'Doeleinden',
  specialPurposes: 'Speciale doeleinden (geen keuze: nodig voor de dienst)',
  features: 'Functies',
  specialFeatures: 'Speciale functies',
  stacks: 'Groepen doeleinden',
  vendors: 'Partners',
  consent: 'Toestemming',
  legitimateInterest: 'Gerechtvaardigd belang (uitzetten om bezwaar te maken)',
  retention: 'Bewaart gegevens {n} dagen',
  cookieAge: 'Cookies tot {n} dagen',
  dataCategories: 'Gebruikte gegevens',
  googleProviders: 'Aanbieders van Google-advertentietechnologie',
  provider: 'Aanbieder {n}',
  back: 'Terug',
};

export default strings;

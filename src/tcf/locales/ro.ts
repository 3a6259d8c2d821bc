import type { TcfStrings } from '../tcf-strings.ts';

const strings: TcfStrings = {
  intro:
    'Noi și cei {n} parteneri ai noștri stocăm și/sau accesăm informații pe dispozitivul dumneavoastră și prelucrăm date cu caracter personal, cum ar fi identificatori unici și date de navigare, în scopurile de mai jos. Unii parteneri se bazează pe interesul legitim, căruia vă puteți opune. Vă puteți schimba opțiunile oricând, din linkul din partea de jos a paginii.',
  partners: 'Vedeți partenerii noștri ({n})',
  purposes: 'Scopuri',
  specialPurposes: 'Scopuri speciale (fără opțiune: necesare funcționării serviciului)',
  features: 'Funcționalități',
  specialFeatures: 'Funcționalități speciale',
  stacks: 'Grupuri de scopuri',
  vendors: 'Parteneri',
  consent: 'Consimțământ',
  legitimateInterest: 'Interes legitim (dezactivați pentru a vă opune)',
  retention: 'Perioada de păstrare a datelor (zile): {n}',
  cookieAge: 'Durata maximă a cookie-urilor (zile): {n}',
  dataCategories: 'Date utilizate',
  googleProviders: 'Furnizori de tehnologie publicitară Google',
  provider: 'Furnizorul {n}',
  back: 'Înapoi',
};

export default strings;

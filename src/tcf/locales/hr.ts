import type { TcfStrings } from '../tcf-strings.ts';

const strings: TcfStrings = {
  intro:
    'Mi i naši partneri (njih {n}) pohranjujemo informacije na vašem uređaju i/ili im pristupamo te obrađujemo osobne podatke, poput jedinstvenih identifikatora i podataka o pregledavanju, u dolje navedene svrhe. Neki se partneri oslanjaju na legitimni interes, kojem se možete usprotiviti. Svoje odabire možete promijeniti u bilo kojem trenutku putem poveznice na dnu stranice.',
  partners: 'Pogledajte naše partnere ({n})',
  purposes: 'Svrhe',
  specialPurposes: 'Posebne svrhe (bez izbora: nužne za rad usluge)',
  features: 'Značajke',
  specialFeatures: 'Posebne značajke',
  stacks: 'Skupine svrha',
  vendors: 'Partneri',
  consent: 'Privola',
  legitimateInterest: 'Legitimni interes (isključite za prigovor)',
  retention: 'Razdoblje čuvanja podataka: {n} dana',
  cookieAge: 'Kolačići traju najviše {n} dana',
  dataCategories: 'Korišteni podaci',
  googleProviders: 'Googleovi pružatelji oglašivačke tehnologije',
  provider: 'Pružatelj {n}',
  back: 'Natrag',
};

export default strings;

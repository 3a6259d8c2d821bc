import type { TcfStrings } from '../tcf-strings.ts';

const strings: TcfStrings = {
  intro:
    'Vi og vores {n} partnere gemmer og/eller tilgår oplysninger på din enhed og behandler personoplysninger, såsom unikke id’er og browsingdata, til formålene nedenfor. Nogle partnere bygger på legitim interesse, som du kan gøre indsigelse mod. Du kan altid ændre dine valg via linket nederst på siden.',
  partners: 'Se vores {n} partnere',
  purposes: 'Formål',
  specialPurposes: 'Særlige formål (intet valg: nødvendige for tjenesten)',
  features: 'Funktioner',
  specialFeatures: 'Særlige funktioner',
  stacks: 'Grupper af formål',
  vendors: 'Partnere',
  consent: 'Samtykke',
  legitimateInterest: 'Legitim interesse (slå fra for at gøre indsigelse)',
  retention: 'Opbevarer data i {n} dage',
  cookieAge: 'Cookies gælder i op til {n} dage',
  dataCategories: 'Anvendte data',
  googleProviders: 'Googles udbydere af annonceteknologi',
  provider: 'Udbyder {n}',
  back: 'Tilbage',
};

export default strings;

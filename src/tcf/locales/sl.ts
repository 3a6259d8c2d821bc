import type { TcfStrings } from '../tcf-strings.ts';

const strings: TcfStrings = {
  intro:
    'Mi in naši partnerji (skupaj {n}) shranjujemo informacije v vaši napravi in/ali dostopamo do njih ter obdelujemo osebne podatke, kot so enolični identifikatorji in podatki o brskanju, za spodaj navedene namene. Nekateri partnerji se sklicujejo na zakoniti interes, ki mu lahko ugovarjate. Svoje izbire lahko kadar koli spremenite prek povezave na dnu strani.',
  partners: 'Oglejte si naše partnerje ({n})',
  purposes: 'Nameni',
  specialPurposes: 'Posebni nameni (brez izbire: potrebni za delovanje storitve)',
  features: 'Funkcije',
  specialFeatures: 'Posebne funkcije',
  stacks: 'Skupine namenov',
  vendors: 'Partnerji',
  consent: 'Privolitev',
  legitimateInterest: 'Zakoniti interes (izklopite za ugovor)',
  retention: 'Obdobje hrambe podatkov: {n} dni',
  cookieAge: 'Piškotki veljajo največ {n} dni',
  dataCategories: 'Uporabljeni podatki',
  googleProviders: 'Googlovi ponudniki oglaševalske tehnologije',
  provider: 'Ponudnik {n}',
  back: 'Nazaj',
};

export default strings;

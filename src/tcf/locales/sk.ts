import type { TcfStrings } from '../tcf-strings.ts';

const strings: TcfStrings = {
  intro:
    'My a naši partneri (spolu {n}) ukladáme informácie vo vašom zariadení a/alebo k nim pristupujeme a spracúvame osobné údaje, napríklad jedinečné identifikátory a údaje o prehliadaní, na nižšie uvedené účely. Niektorí partneri sa opierajú o oprávnený záujem, proti ktorému môžete namietať. Svoju voľbu môžete kedykoľvek zmeniť pomocou odkazu v dolnej časti stránky.',
  partners: 'Zobraziť našich partnerov ({n})',
  purposes: 'Účely',
  specialPurposes: 'Osobitné účely (bez voľby: nevyhnutné na prevádzku služby)',
  features: 'Funkcie',
  specialFeatures: 'Osobitné funkcie',
  stacks: 'Skupiny účelov',
  vendors: 'Partneri',
  consent: 'Súhlas',
  legitimateInterest: 'Oprávnený záujem (vypnutím namietate)',
  retention: 'Doba uchovávania údajov: {n} dní',
  cookieAge: 'Platnosť súborov cookie: najviac {n} dní',
  dataCategories: 'Používané údaje',
  googleProviders: 'Poskytovatelia reklamných technológií Google',
  provider: 'Poskytovateľ {n}',
  back: 'Späť',
};

export default strings;

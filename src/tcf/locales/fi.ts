import type { TcfStrings } from '../tcf-strings.ts';

const strings: TcfStrings = {
  intro:
    'Me ja {n} kumppaniamme tallennamme tietoja laitteellesi ja/tai luemme niitä sieltä sekä käsittelemme henkilötietoja, kuten yksilöiviä tunnisteita ja selaustietoja, alla kuvattuihin tarkoituksiin. Osa kumppaneista vetoaa oikeutettuun etuun, jota voit vastustaa. Voit muuttaa valintojasi milloin tahansa sivun alareunan linkistä.',
  partners: 'Näytä kumppanimme ({n})',
  purposes: 'Käyttötarkoitukset',
  specialPurposes:
    'Erityiset käyttötarkoitukset (ei valintaa: palvelun toiminnalle välttämättömiä)',
  features: 'Ominaisuudet',
  specialFeatures: 'Erityisominaisuudet',
  stacks: 'Käyttötarkoitusten ryhmät',
  vendors: 'Kumppanit',
  consent: 'Suostumus',
  legitimateInterest: 'Oikeutettu etu (vastusta kytkemällä pois)',
  retention: 'Säilyttää tietoja {n} päivää',
  cookieAge: 'Evästeet ovat voimassa enintään {n} päivää',
  dataCategories: 'Käytetyt tiedot',
  googleProviders: 'Googlen mainosteknologian tarjoajat',
  provider: 'Tarjoaja {n}',
  back: 'Takaisin',
};

export default strings;

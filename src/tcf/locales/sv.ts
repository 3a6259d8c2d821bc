import type { TcfStrings } from '../tcf-strings.ts';

const strings: TcfStrings = {
  intro:
    'Vi och våra {n} partner lagrar och/eller får åtkomst till information på din enhet och behandlar personuppgifter, som unika identifierare och surfdata, för ändamålen nedan. Vissa partner stöder sig på berättigat intresse, som du kan invända mot. Du kan ändra dina val när som helst via länken längst ned på sidan.',
  partners: 'Se våra {n} partner',
  purposes: 'Ändamål',
  specialPurposes: 'Särskilda ändamål (inget val: behövs för tjänsten)',
  features: 'Funktioner',
  specialFeatures: 'Särskilda funktioner',
  stacks: 'Grupper av ändamål',
  vendors: 'Partner',
  consent: 'Samtycke',
  legitimateInterest: 'Berättigat intresse (stäng av för att invända)',
  retention: 'Sparar uppgifter i {n} dagar',
  cookieAge: 'Kakor i upp till {n} dagar',
  dataCategories: 'Uppgifter som används',
  googleProviders: 'Googles leverantörer av annonsteknik',
  provider: 'Leverantör {n}',
  back: 'Tillbaka',
};

export default strings;

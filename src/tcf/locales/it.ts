import type { TcfStrings } from '../tcf-strings.ts';

const strings: TcfStrings = {
  intro:
    'Noi e i nostri {n} partner archiviamo e/o accediamo a informazioni sul tuo dispositivo e trattiamo dati personali, come identificativi univoci e dati di navigazione, per le finalità indicate. Alcuni partner si basano sul legittimo interesse, al quale puoi opporti. Puoi modificare le tue scelte in qualsiasi momento dal link in fondo alla pagina.',
  partners: 'Vedi i nostri {n} partner',
  purposes: 'Finalità',
  specialPurposes: 'Finalità speciali (senza scelta: necessarie al servizio)',
  features: 'Funzionalità',
  specialFeatures: 'Funzionalità speciali',
  stacks: 'Gruppi di finalità',
  vendors: 'Partner',
  consent: 'Consenso',
  legitimateInterest: 'Legittimo interesse (disattiva per opporti)',
  retention: 'Conserva i dati per {n} giorni',
  cookieAge: 'Cookie fino a {n} giorni',
  dataCategories: 'Dati utilizzati',
  googleProviders: 'Fornitori di tecnologia pubblicitaria di Google',
  provider: 'Fornitore {n}',
  back: 'Indietro',
};

export default strings;

import type { TcfStrings } from '../tcf-strings.ts';

const strings: TcfStrings = {
  intro:
    'Nos {n} partenaires et nous stockons et/ou accédons à des informations sur votre appareil et traitons des données personnelles, comme des identifiants uniques et des données de navigation, pour les finalités ci-dessous. Certains partenaires invoquent un intérêt légitime, auquel vous pouvez vous opposer. Vous pouvez modifier vos choix à tout moment depuis le lien en bas de page.',
  partners: 'Voir nos {n} partenaires',
  purposes: 'Finalités',
  specialPurposes: 'Finalités spéciales (sans choix : nécessaires au service)',
  features: 'Fonctionnalités',
  specialFeatures: 'Fonctionnalités spéciales',
  stacks: 'Groupes de finalités',
  vendors: 'Partenaires',
  consent: 'Consentement',
  legitimateInterest: 'Intérêt légitime (désactivez pour vous opposer)',
  retention: 'Conserve les données {n} jours',
  cookieAge: 'Cookies conservés jusqu’à {n} jours',
  dataCategories: 'Données utilisées',
  googleProviders: 'Fournisseurs de technologies publicitaires de Google',
  provider: 'Fournisseur {n}',
  back: 'Retour',
};

export default strings;

import type { UiStrings } from '../ui-strings.ts';

export default {
  notice: {
    title: 'Votre vie privée',
    description:
      'Nous utilisons des cookies et technologies similaires. Certains sont nécessaires au site ; les autres seulement avec votre consentement.',
    acceptAll: 'Tout accepter',
    rejectAll: 'Tout refuser',
    customize: 'Choisir',
    save: 'Enregistrer mes choix',
    alwaysOn: 'Toujours actif',
    privacyPolicy: 'Politique de confidentialité',
  },
  preferences: {
    title: 'Préférences de confidentialité',
    intro:
      'Choisissez ce que vous autorisez. Vous pouvez modifier ou retirer chaque choix ici à tout moment.',
    close: 'Fermer',
    readMore: 'En savoir plus',
    fullText: 'Texte complet',
    categories: {
      privacy_setting: 'Cookies et mesure',
      communication: 'Messages',
      disclosure: 'Politiques',
      custom: 'Autres',
    },
    states: {
      accepted: 'Autorisé',
      implied: 'Autorisé (implicite)',
      declined: 'Refusé',
      viewed: 'Vu',
      none: 'Pas encore de choix',
    },
    given: 'depuis le',
    expires: 'jusqu’au',
    receipt: 'Voir mon reçu de consentement',
  },
  allDevices: 'Votre choix s’applique à tous vos appareils.',
  floatingButton: 'Ouvrir les préférences de confidentialité',
  gate: {
    content: 'Ce contenu',
    text: '{content} ne se charge qu’avec votre consentement pour {consent}.',
    allow: 'Autoriser {consent} et charger',
  },
  usPrivacy: {
    signalHonoured: 'Signal de refus respecté',
    doNotSellOrShare: 'Ne pas vendre ni partager mes informations personnelles',
    optOut: 'Refuser la vente et la publicité ciblée',
    noticeAtCollection:
      'Nous collectons des identifiants et des données d’appareil et de navigation lorsque vous utilisez ce site, pour les finalités indiquées ici. La politique de confidentialité précise ce que nous collectons, pourquoi et combien de temps nous le conservons.',
  },
} satisfies UiStrings;

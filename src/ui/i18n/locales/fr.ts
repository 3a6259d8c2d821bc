import type { UiStrings } from '../built-in-locales.ts';

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
  request: {
    link: 'Vos droits sur vos données',
    title: 'Une demande sur vos données',
    intro:
      'Vous pouvez nous demander ce que nous détenons sur vous, une copie, une rectification ou un effacement, ou l’arrêt de leur vente ou partage. Nous vérifions d’abord votre e-mail.',
    kind: 'Que souhaitez-vous ?',
    kinds: {
      access: 'Voir les données détenues sur moi',
      export: 'Obtenir une copie de mes données',
      correct: 'Rectifier mes données',
      delete: 'Effacer mes données',
      opt_out: 'Arrêter la vente ou le partage de mes données',
    },
    email: 'Votre e-mail',
    send: 'Envoyer la demande',
    codeSent:
      'Nous avons envoyé un code à 6 chiffres à votre e-mail. Saisissez-le pour confirmer votre demande.',
    code: 'Code',
    confirm: 'Confirmer',
    done: 'Votre demande est confirmée. Nous répondrons au plus tard le {date}.',
    badEmail: 'Saisissez une adresse e-mail valide.',
    badCode: 'Ce n’est pas le code que nous avons envoyé.',
    failed: 'La demande n’a pas pu être envoyée. Réessayez plus tard.',
  },
} satisfies UiStrings;

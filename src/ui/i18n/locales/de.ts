import type { UiStrings } from '../built-in-locales.ts';

export default {
  notice: {
    title: 'Ihre Privatsphäre',
    description:
      'Wir verwenden Cookies und ähnliche Technologien. Einige sind für die Website nötig, andere nur mit Ihrer Einwilligung.',
    acceptAll: 'Alle akzeptieren',
    rejectAll: 'Alle ablehnen',
    customize: 'Auswählen',
    save: 'Auswahl speichern',
    alwaysOn: 'Immer aktiv',
    privacyPolicy: 'Datenschutzerklärung',
  },
  preferences: {
    title: 'Datenschutz-Einstellungen',
    intro:
      'Wählen Sie, was Sie erlauben. Sie können jede Wahl hier jederzeit ändern oder widerrufen.',
    close: 'Schließen',
    readMore: 'Mehr erfahren',
    fullText: 'Volltext',
    categories: {
      privacy_setting: 'Cookies und Tracking',
      communication: 'Nachrichten an Sie',
      disclosure: 'Richtlinien',
      custom: 'Weiteres',
    },
    states: {
      accepted: 'Erlaubt',
      implied: 'Erlaubt (stillschweigend)',
      declined: 'Nicht erlaubt',
      viewed: 'Gesehen',
      none: 'Noch keine Wahl',
    },
    given: 'seit',
    expires: 'bis',
    receipt: 'Meine Einwilligungsquittung anzeigen',
  },
  allDevices: 'Ihre Auswahl gilt für alle Ihre Geräte.',
  floatingButton: 'Datenschutz-Einstellungen öffnen',
  gate: {
    content: 'Dieser Inhalt',
    text: '{content} wird nur mit Ihrer Einwilligung in {consent} geladen.',
    allow: '{consent} erlauben und laden',
  },
  usPrivacy: {
    signalHonoured: 'Opt-out-Signal berücksichtigt',
    doNotSellOrShare: 'Meine personenbezogenen Daten nicht verkaufen oder teilen',
    optOut: 'Verkauf und gezielter Werbung widersprechen',
    noticeAtCollection:
      'Wir erfassen Kennungen, Geräte- und Nutzungsdaten, wenn Sie diese Website nutzen, für die hier genannten Zwecke. Die Datenschutzerklärung sagt, was wir erfassen, warum und wie lange wir es speichern.',
  },
  request: {
    link: 'Ihre Datenrechte',
    title: 'Anfrage zu Ihren Daten',
    intro:
      'Sie können erfragen, welche Daten wir über Sie speichern, eine Kopie, eine Berichtigung oder Löschung verlangen oder dem Verkauf bzw. der Weitergabe widersprechen. Zuerst bestätigen wir Ihre E-Mail-Adresse.',
    kind: 'Was möchten Sie?',
    kinds: {
      access: 'Meine gespeicherten Daten einsehen',
      export: 'Eine Kopie meiner Daten erhalten',
      correct: 'Meine Daten berichtigen',
      delete: 'Meine Daten löschen',
      opt_out: 'Verkauf oder Weitergabe meiner Daten stoppen',
    },
    email: 'Ihre E-Mail-Adresse',
    send: 'Anfrage senden',
    codeSent:
      'Wir haben einen 6-stelligen Code an Ihre E-Mail-Adresse gesendet. Geben Sie ihn ein, um Ihre Anfrage zu bestätigen.',
    code: 'Code',
    confirm: 'Bestätigen',
    done: 'Ihre Anfrage ist bestätigt. Wir antworten bis zum {date}.',
    badEmail: 'Geben Sie eine gültige E-Mail-Adresse ein.',
    badCode: 'Das ist nicht der Code, den wir gesendet haben.',
    failed: 'Die Anfrage konnte nicht gesendet werden. Versuchen Sie es später erneut.',
  },
} satisfies UiStrings;

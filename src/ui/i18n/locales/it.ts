import type { UiStrings } from '../built-in-locales.ts';

export default {
  notice: {
    title: 'La tua privacy',
    description:
      'Usiamo cookie e tecnologie simili. Alcuni servono al funzionamento del sito; gli altri solo con il tuo consenso.',
    acceptAll: 'Accetta tutto',
    rejectAll: 'Rifiuta tutto',
    customize: 'Scegli',
    save: 'Salva le scelte',
    alwaysOn: 'Sempre attivo',
    privacyPolicy: 'Informativa sulla privacy',
  },
  preferences: {
    title: 'Preferenze sulla privacy',
    intro: 'Scegli cosa consenti. Puoi modificare o revocare ogni scelta qui in qualsiasi momento.',
    close: 'Chiudi',
    readMore: 'Scopri di più',
    fullText: 'Testo completo',
    categories: {
      privacy_setting: 'Cookie e tracciamento',
      communication: 'Messaggi per te',
      disclosure: 'Informative',
      custom: 'Altro',
    },
    states: {
      accepted: 'Consentito',
      implied: 'Consentito (implicito)',
      declined: 'Non consentito',
      viewed: 'Visto',
      none: 'Nessuna scelta',
    },
    given: 'dal',
    expires: 'fino al',
    receipt: 'Visualizza la ricevuta del mio consenso',
  },
  allDevices: 'La tua scelta vale per tutti i tuoi dispositivi.',
  floatingButton: 'Apri le preferenze sulla privacy',
  gate: {
    content: 'Questo contenuto',
    text: '{content} si carica solo con il tuo consenso per {consent}.',
    allow: 'Consenti {consent} e carica',
  },
  usPrivacy: {
    signalHonoured: 'Segnale di opposizione rispettato',
    doNotSellOrShare: 'Non vendere né condividere le mie informazioni personali',
    optOut: 'Opponiti alla vendita e alla pubblicità mirata',
    noticeAtCollection:
      'Raccogliamo identificativi e dati del dispositivo e di navigazione quando usi questo sito, per le finalità indicate qui. L’informativa sulla privacy spiega cosa raccogliamo, perché e per quanto tempo lo conserviamo.',
  },
  request: {
    link: 'I tuoi diritti sui dati',
    title: 'Richiesta sui tuoi dati',
    intro:
      'Puoi chiederci quali dati conserviamo su di te, una copia, la rettifica o la cancellazione, oppure di smettere di venderli o condividerli. Prima verifichiamo la tua email.',
    kind: 'Cosa desideri?',
    kinds: {
      access: 'Vedere i dati conservati su di me',
      export: 'Ricevere una copia dei miei dati',
      correct: 'Rettificare i miei dati',
      delete: 'Cancellare i miei dati',
      opt_out: 'Interrompere la vendita o la condivisione dei miei dati',
    },
    email: 'La tua email',
    send: 'Invia la richiesta',
    codeSent:
      'Abbiamo inviato un codice di 6 cifre alla tua email. Inseriscilo per confermare la richiesta.',
    code: 'Codice',
    confirm: 'Conferma',
    done: 'La tua richiesta è confermata. Risponderemo entro il {date}.',
    badEmail: 'Inserisci un indirizzo email valido.',
    badCode: 'Questo non è il codice che abbiamo inviato.',
    failed: 'Impossibile inviare la richiesta. Riprova più tardi.',
  },
} satisfies UiStrings;

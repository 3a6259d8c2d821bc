import type { UiStrings } from '../built-in-locales.ts';

export default {
  notice: {
    title: 'Yksityisyytesi',
    description:
      'Käytämme evästeitä ja vastaavia tekniikoita. Osa on sivuston toiminnalle välttämättömiä, muut vain suostumuksellasi.',
    acceptAll: 'Hyväksy kaikki',
    rejectAll: 'Hylkää kaikki',
    customize: 'Valitse',
    save: 'Tallenna valinnat',
    alwaysOn: 'Aina päällä',
    privacyPolicy: 'Tietosuojakäytäntö',
  },
  preferences: {
    title: 'Tietosuoja-asetukset',
    intro:
      'Valitse, mitä sallit. Voit muuttaa tai perua minkä tahansa valinnan täällä milloin tahansa.',
    close: 'Sulje',
    readMore: 'Lue lisää',
    fullText: 'Koko teksti',
    categories: {
      privacy_setting: 'Evästeet ja seuranta',
      communication: 'Viestit sinulle',
      disclosure: 'Käytännöt',
      custom: 'Muut',
    },
    states: {
      accepted: 'Sallittu',
      implied: 'Sallittu (oletettu)',
      declined: 'Ei sallittu',
      viewed: 'Nähty',
      none: 'Ei vielä valintaa',
    },
    given: 'alkaen',
    expires: 'asti',
    receipt: 'Näytä suostumukseni kuitti',
  },
  allDevices: 'Valintasi koskee kaikkia laitteitasi.',
  floatingButton: 'Avaa tietosuoja-asetukset',
  gate: {
    content: 'Tämä sisältö',
    text: '{content} ladataan vain suostumuksellasi: {consent}.',
    allow: 'Salli {consent} ja lataa',
  },
  usPrivacy: {
    signalHonoured: 'Kieltäytymissignaalia on noudatettu',
    doNotSellOrShare: 'Älä myy tai jaa henkilötietojani',
    optOut: 'Kiellä myynti ja kohdennettu mainonta',
    noticeAtCollection:
      'Keräämme tunnisteita sekä laite- ja selaustietoja, kun käytät sivustoa, tässä lueteltuihin tarkoituksiin. Tietosuojaselosteessa kerrotaan, mitä keräämme, miksi ja kuinka kauan säilytämme niitä.',
  },
  request: {
    link: 'Oikeutesi tietoihisi',
    title: 'Pyyntö tiedoistasi',
    intro:
      'Voit kysyä, mitä tietoja meillä on sinusta, pyytää kopion, oikaisun tai poiston tai että lopetamme niiden myynnin tai jakamisen. Vahvistamme ensin sähköpostisi.',
    kind: 'Mitä haluat?',
    kinds: {
      access: 'Nähdä minusta tallennetut tiedot',
      export: 'Saada kopio tiedoistani',
      correct: 'Oikaista tietoni',
      delete: 'Poistaa tietoni',
      opt_out: 'Lopettaa tietojeni myynti tai jakaminen',
    },
    email: 'Sähköpostisi',
    send: 'Lähetä pyyntö',
    codeSent: 'Lähetimme 6-numeroisen koodin sähköpostiisi. Vahvista pyyntö syöttämällä se.',
    code: 'Koodi',
    confirm: 'Vahvista',
    done: 'Pyyntösi on vahvistettu. Vastaamme viimeistään {date}.',
    badEmail: 'Anna kelvollinen sähköpostiosoite.',
    badCode: 'Tämä ei ole lähettämämme koodi.',
    failed: 'Pyyntöä ei voitu lähettää. Yritä myöhemmin uudelleen.',
  },
} satisfies UiStrings;

import type { UiStrings } from '../built-in-locales.ts';

export default {
  notice: {
    title: 'Confidențialitatea ta',
    description:
      'Folosim cookie-uri și tehnologii similare. Unele sunt necesare site-ului; celelalte doar cu consimțământul tău.',
    acceptAll: 'Acceptă tot',
    rejectAll: 'Respinge tot',
    customize: 'Alege',
    save: 'Salvează alegerea',
    alwaysOn: 'Mereu activ',
    privacyPolicy: 'Politica de confidențialitate',
  },
  preferences: {
    title: 'Preferințe de confidențialitate',
    intro: 'Alege ce permiți. Poți schimba sau retrage orice alegere aici oricând.',
    close: 'Închide',
    readMore: 'Află mai multe',
    fullText: 'Text complet',
    categories: {
      privacy_setting: 'Cookie-uri și urmărire',
      communication: 'Mesaje pentru tine',
      disclosure: 'Politici',
      custom: 'Altele',
    },
    states: {
      accepted: 'Permis',
      implied: 'Permis (implicit)',
      declined: 'Nepermis',
      viewed: 'Văzut',
      none: 'Încă nicio alegere',
    },
    given: 'din',
    expires: 'până la',
    receipt: 'Vezi dovada consimțământului meu',
  },
  allDevices: 'Alegerea dumneavoastră se aplică pe toate dispozitivele dumneavoastră.',
  floatingButton: 'Deschide preferințele de confidențialitate',
  gate: {
    content: 'Acest conținut',
    text: '{content} se încarcă doar cu acordul dumneavoastră pentru {consent}.',
    allow: 'Permite {consent} și încarcă',
  },
  usPrivacy: {
    signalHonoured: 'Semnalul de refuz a fost respectat',
    doNotSellOrShare: 'Nu vindeți și nu partajați informațiile mele personale',
    optOut: 'Refuz vânzarea și publicitatea țintită',
    noticeAtCollection:
      'Colectăm identificatori și date despre dispozitiv și navigare când folosiți acest site, în scopurile enumerate aici. Politica de confidențialitate spune ce colectăm, de ce și cât timp păstrăm.',
  },
  request: {
    link: 'Drepturile tale asupra datelor',
    title: 'Cerere privind datele tale',
    intro:
      'Ne poți întreba ce date deținem despre tine, cere o copie, rectificarea sau ștergerea lor ori să nu le mai vindem sau partajăm. Mai întâi îți confirmăm e-mailul.',
    kind: 'Ce dorești?',
    kinds: {
      access: 'Să văd datele deținute despre mine',
      export: 'Să primesc o copie a datelor mele',
      correct: 'Să îmi rectific datele',
      delete: 'Să îmi șterg datele',
      opt_out: 'Să opresc vânzarea sau partajarea datelor mele',
    },
    email: 'E-mailul tău',
    send: 'Trimite cererea',
    codeSent: 'Am trimis un cod de 6 cifre pe e-mailul tău. Introdu-l pentru a confirma cererea.',
    code: 'Cod',
    confirm: 'Confirmă',
    done: 'Cererea ta este confirmată. Vom răspunde până la {date}.',
    badEmail: 'Introdu o adresă de e-mail validă.',
    badCode: 'Acesta nu este codul pe care l-am trimis.',
    failed: 'Cererea nu a putut fi trimisă. Încearcă mai târziu.',
  },
} satisfies UiStrings;

import type { UiStrings } from '../built-in-locales.ts';

export default {
  notice: {
    title: 'Vaše soukromí',
    description:
      'Používáme cookies a podobné technologie. Některé jsou nutné pro chod webu, ostatní jen s vaším souhlasem.',
    acceptAll: 'Přijmout vše',
    rejectAll: 'Odmítnout vše',
    customize: 'Vybrat',
    save: 'Uložit volbu',
    alwaysOn: 'Vždy aktivní',
    privacyPolicy: 'Zásady ochrany soukromí',
  },
  preferences: {
    title: 'Nastavení soukromí',
    intro: 'Zvolte, co povolíte. Každou volbu zde můžete kdykoli změnit nebo odvolat.',
    close: 'Zavřít',
    readMore: 'Více informací',
    fullText: 'Celý text',
    categories: {
      privacy_setting: 'Cookies a sledování',
      communication: 'Zprávy pro vás',
      disclosure: 'Zásady',
      custom: 'Ostatní',
    },
    states: {
      accepted: 'Povoleno',
      implied: 'Povoleno (implicitně)',
      declined: 'Nepovoleno',
      viewed: 'Zobrazeno',
      none: 'Zatím bez volby',
    },
    given: 'od',
    expires: 'do',
    receipt: 'Zobrazit potvrzení mého souhlasu',
  },
  allDevices: 'Vaše volba platí pro všechna vaše zařízení.',
  floatingButton: 'Otevřít nastavení soukromí',
  gate: {
    content: 'Tento obsah',
    text: '{content} se načte jen s vaším souhlasem pro {consent}.',
    allow: 'Povolit {consent} a načíst',
  },
  usPrivacy: {
    signalHonoured: 'Signál odmítnutí byl respektován',
    doNotSellOrShare: 'Neprodávejte ani nesdílejte mé osobní údaje',
    optOut: 'Odmítnout prodej a cílenou reklamu',
    noticeAtCollection:
      'Při používání webu shromažďujeme identifikátory, údaje o zařízení a prohlížení k zde uvedeným účelům. Zásady ochrany soukromí uvádějí, co shromažďujeme, proč a jak dlouho to uchováváme.',
  },
  request: {
    link: 'Vaše práva k údajům',
    title: 'Žádost o vaše údaje',
    intro:
      'Můžete se zeptat, jaké údaje o vás uchováváme, požádat o kopii, opravu nebo výmaz, nebo o ukončení jejich prodeje či sdílení. Nejprve ověříme váš e-mail.',
    kind: 'Co si přejete?',
    kinds: {
      access: 'Zobrazit údaje, které o mně máte',
      export: 'Získat kopii mých údajů',
      correct: 'Opravit mé údaje',
      delete: 'Vymazat mé údaje',
      opt_out: 'Ukončit prodej nebo sdílení mých údajů',
    },
    email: 'Váš e-mail',
    send: 'Odeslat žádost',
    codeSent: 'Na váš e-mail jsme poslali šestimístný kód. Zadejte ho pro potvrzení žádosti.',
    code: 'Kód',
    confirm: 'Potvrdit',
    done: 'Vaše žádost je potvrzena. Odpovíme do {date}.',
    badEmail: 'Zadejte platnou e-mailovou adresu.',
    badCode: 'Toto není kód, který jsme poslali.',
    failed: 'Žádost se nepodařilo odeslat. Zkuste to později.',
  },
} satisfies UiStrings;

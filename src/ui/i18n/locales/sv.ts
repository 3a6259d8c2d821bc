import type { UiStrings } from '../built-in-locales.ts';

export default {
  notice: {
    title: 'Din integritet',
    description:
      'Vi använder cookies och liknande tekniker. Vissa behövs för att webbplatsen ska fungera, andra bara med ditt samtycke.',
    acceptAll: 'Godkänn alla',
    rejectAll: 'Avvisa alla',
    customize: 'Välj',
    save: 'Spara val',
    alwaysOn: 'Alltid på',
    privacyPolicy: 'Integritetspolicy',
  },
  preferences: {
    title: 'Integritetsinställningar',
    intro: 'Välj vad du tillåter. Du kan när som helst ändra eller återkalla ett val här.',
    close: 'Stäng',
    readMore: 'Läs mer',
    fullText: 'Fullständig text',
    categories: {
      privacy_setting: 'Cookies och spårning',
      communication: 'Meddelanden till dig',
      disclosure: 'Policyer',
      custom: 'Övrigt',
    },
    states: {
      accepted: 'Tillåtet',
      implied: 'Tillåtet (underförstått)',
      declined: 'Inte tillåtet',
      viewed: 'Visat',
      none: 'Inget val ännu',
    },
    given: 'sedan',
    expires: 'till',
    receipt: 'Visa mitt samtyckeskvitto',
  },
  allDevices: 'Ditt val gäller på alla dina enheter.',
  floatingButton: 'Öppna integritetsinställningar',
  gate: {
    content: 'Det här innehållet',
    text: '{content} läses bara in med ditt samtycke till {consent}.',
    allow: 'Tillåt {consent} och läs in',
  },
  usPrivacy: {
    signalHonoured: 'Signalen om avböjande respekterades',
    doNotSellOrShare: 'Sälj eller dela inte mina personuppgifter',
    optOut: 'Avböj försäljning och riktad reklam',
    noticeAtCollection:
      'När du använder webbplatsen samlar vi in identifierare samt enhets- och surfdata för de ändamål som anges här. Integritetspolicyn berättar vad vi samlar in, varför och hur länge vi sparar det.',
  },
  request: {
    link: 'Dina rättigheter till dina uppgifter',
    title: 'Begäran om dina uppgifter',
    intro:
      'Du kan fråga vilka uppgifter vi har om dig, be om en kopia, rättelse eller radering, eller att vi slutar sälja eller dela dem. Först bekräftar vi din e-post.',
    kind: 'Vad vill du göra?',
    kinds: {
      access: 'Se uppgifterna ni har om mig',
      export: 'Få en kopia av mina uppgifter',
      correct: 'Rätta mina uppgifter',
      delete: 'Radera mina uppgifter',
      opt_out: 'Stoppa försäljning eller delning av mina uppgifter',
    },
    email: 'Din e-post',
    send: 'Skicka begäran',
    codeSent:
      'Vi har skickat en sexsiffrig kod till din e-post. Ange den för att bekräfta begäran.',
    code: 'Kod',
    confirm: 'Bekräfta',
    done: 'Din begäran är bekräftad. Vi svarar senast {date}.',
    badEmail: 'Ange en giltig e-postadress.',
    badCode: 'Det är inte koden vi skickade.',
    failed: 'Begäran kunde inte skickas. Försök igen senare.',
  },
} satisfies UiStrings;

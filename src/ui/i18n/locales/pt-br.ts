import type { UiStrings } from '../ui-strings.ts';

export default {
  notice: {
    title: 'Sua privacidade',
    description:
      'Usamos cookies e tecnologias semelhantes. Alguns são necessários para o site; os demais só com o seu consentimento.',
    acceptAll: 'Aceitar tudo',
    rejectAll: 'Rejeitar tudo',
    customize: 'Escolher',
    save: 'Salvar escolhas',
    alwaysOn: 'Sempre ativo',
    privacyPolicy: 'Política de privacidade',
  },
  preferences: {
    title: 'Preferências de privacidade',
    intro:
      'Escolha o que você permite. Você pode alterar ou retirar qualquer escolha aqui a qualquer momento.',
    close: 'Fechar',
    readMore: 'Saiba mais',
    fullText: 'Texto completo',
    categories: {
      privacy_setting: 'Cookies e rastreamento',
      communication: 'Mensagens para você',
      disclosure: 'Políticas',
      custom: 'Outros',
    },
    states: {
      accepted: 'Permitido',
      implied: 'Permitido (implícito)',
      declined: 'Não permitido',
      viewed: 'Visto',
      none: 'Ainda sem escolha',
    },
    given: 'desde',
    expires: 'até',
    receipt: 'Ver meu comprovante de consentimento',
  },
  allDevices: 'Sua escolha vale para todos os seus dispositivos.',
  floatingButton: 'Abrir preferências de privacidade',
  gate: {
    content: 'Este conteúdo',
    text: '{content} só carrega com o seu consentimento para {consent}.',
    allow: 'Permitir {consent} e carregar',
  },
  usPrivacy: {
    signalHonoured: 'Sinal de exclusão respeitado',
    doNotSellOrShare: 'Não venda nem compartilhe minhas informações pessoais',
    optOut: 'Recusar a venda e a publicidade direcionada',
    noticeAtCollection:
      'Coletamos identificadores e dados do dispositivo e de navegação quando você usa este site, para as finalidades listadas aqui. A política de privacidade diz o que coletamos, por que e por quanto tempo guardamos.',
  },
} satisfies UiStrings;

import type { UiStrings } from '../built-in-locales.ts';

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
  request: {
    link: 'Seus direitos sobre os dados',
    title: 'Solicitação sobre seus dados',
    intro:
      'Você pode nos pedir quais dados temos sobre você, uma cópia, a correção ou a exclusão, ou que paremos de vendê-los ou compartilhá-los. Primeiro confirmamos seu e-mail.',
    kind: 'O que você deseja?',
    kinds: {
      access: 'Ver os dados que vocês têm sobre mim',
      export: 'Receber uma cópia dos meus dados',
      correct: 'Corrigir meus dados',
      delete: 'Excluir meus dados',
      opt_out: 'Parar a venda ou o compartilhamento dos meus dados',
    },
    email: 'Seu e-mail',
    send: 'Enviar a solicitação',
    codeSent:
      'Enviamos um código de 6 dígitos para seu e-mail. Digite-o para confirmar a solicitação.',
    code: 'Código',
    confirm: 'Confirmar',
    done: 'Sua solicitação foi confirmada. Responderemos até {date}.',
    badEmail: 'Digite um endereço de e-mail válido.',
    badCode: 'Este não é o código que enviamos.',
    failed: 'Não foi possível enviar a solicitação. Tente mais tarde.',
  },
} satisfies UiStrings;

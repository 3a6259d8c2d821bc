import type { UiStrings } from '../built-in-locales.ts';

export default {
  notice: {
    title: 'A sua privacidade',
    description:
      'Utilizamos cookies e tecnologias semelhantes. Alguns são necessários ao site; os restantes só com o seu consentimento.',
    acceptAll: 'Aceitar tudo',
    rejectAll: 'Rejeitar tudo',
    customize: 'Escolher',
    save: 'Guardar escolhas',
    alwaysOn: 'Sempre ativo',
    privacyPolicy: 'Política de privacidade',
  },
  preferences: {
    title: 'Preferências de privacidade',
    intro:
      'Escolha o que permite. Pode alterar ou retirar qualquer escolha aqui a qualquer momento.',
    close: 'Fechar',
    readMore: 'Saber mais',
    fullText: 'Texto completo',
    categories: {
      privacy_setting: 'Cookies e rastreamento',
      communication: 'Mensagens para si',
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
    receipt: 'Ver o meu comprovativo de consentimento',
  },
  allDevices: 'A sua escolha aplica-se a todos os seus dispositivos.',
  floatingButton: 'Abrir as preferências de privacidade',
  gate: {
    content: 'Este conteúdo',
    text: '{content} só é carregado com o seu consentimento para {consent}.',
    allow: 'Permitir {consent} e carregar',
  },
  usPrivacy: {
    signalHonoured: 'Sinal de oposição respeitado',
    doNotSellOrShare: 'Não vender nem partilhar as minhas informações pessoais',
    optOut: 'Opor-me à venda e à publicidade direcionada',
    noticeAtCollection:
      'Recolhemos identificadores e dados do dispositivo e de navegação quando utiliza este site, para as finalidades aqui indicadas. A política de privacidade indica o que recolhemos, porquê e durante quanto tempo o conservamos.',
  },
  request: {
    link: 'Os seus direitos sobre os dados',
    title: 'Pedido sobre os seus dados',
    intro:
      'Pode pedir-nos que dados temos sobre si, uma cópia, a retificação ou o apagamento, ou que deixemos de os vender ou partilhar. Primeiro confirmamos o seu e-mail.',
    kind: 'O que pretende?',
    kinds: {
      access: 'Ver os dados que têm sobre mim',
      export: 'Obter uma cópia dos meus dados',
      correct: 'Retificar os meus dados',
      delete: 'Apagar os meus dados',
      opt_out: 'Parar a venda ou partilha dos meus dados',
    },
    email: 'O seu e-mail',
    send: 'Enviar o pedido',
    codeSent:
      'Enviámos um código de 6 dígitos para o seu e-mail. Introduza-o para confirmar o pedido.',
    code: 'Código',
    confirm: 'Confirmar',
    done: 'O seu pedido está confirmado. Responderemos até {date}.',
    badEmail: 'Introduza um endereço de e-mail válido.',
    badCode: 'Este não é o código que enviámos.',
    failed: 'Não foi possível enviar o pedido. Tente mais tarde.',
  },
} satisfies UiStrings;

import type { UiStrings } from '../built-in-locales.ts';

export default {
  notice: {
    title: 'Tu privacidad',
    description:
      'Usamos cookies y tecnologías similares. Algunas son necesarias para el sitio; las demás, solo con tu consentimiento.',
    acceptAll: 'Aceptar todo',
    rejectAll: 'Rechazar todo',
    customize: 'Elegir',
    save: 'Guardar elección',
    alwaysOn: 'Siempre activo',
    privacyPolicy: 'Política de privacidad',
  },
  preferences: {
    title: 'Preferencias de privacidad',
    intro:
      'Elige lo que permites. Puedes cambiar o retirar cualquier elección aquí en cualquier momento.',
    close: 'Cerrar',
    readMore: 'Más información',
    fullText: 'Texto completo',
    categories: {
      privacy_setting: 'Cookies y seguimiento',
      communication: 'Mensajes para ti',
      disclosure: 'Políticas',
      custom: 'Otros',
    },
    states: {
      accepted: 'Permitido',
      implied: 'Permitido (implícito)',
      declined: 'No permitido',
      viewed: 'Visto',
      none: 'Aún sin elección',
    },
    given: 'desde',
    expires: 'hasta',
    receipt: 'Ver mi comprobante de consentimiento',
  },
  allDevices: 'Su elección se aplica a todos sus dispositivos.',
  floatingButton: 'Abrir las preferencias de privacidad',
  gate: {
    content: 'Este contenido',
    text: '{content} solo se carga con su consentimiento para {consent}.',
    allow: 'Permitir {consent} y cargar',
  },
  usPrivacy: {
    signalHonoured: 'Señal de exclusión respetada',
    doNotSellOrShare: 'No vender ni compartir mi información personal',
    optOut: 'Excluirme de la venta y la publicidad dirigida',
    noticeAtCollection:
      'Recopilamos identificadores y datos del dispositivo y de navegación cuando usa este sitio, para los fines indicados aquí. La política de privacidad explica qué recopilamos, por qué y cuánto tiempo lo conservamos.',
  },
  request: {
    link: 'Tus derechos sobre tus datos',
    title: 'Solicitud sobre tus datos',
    intro:
      'Puedes pedirnos qué datos tenemos sobre ti, una copia, su rectificación o supresión, o que dejemos de venderlos o compartirlos. Primero confirmamos tu correo.',
    kind: '¿Qué deseas?',
    kinds: {
      access: 'Ver los datos que tenéis sobre mí',
      export: 'Obtener una copia de mis datos',
      correct: 'Rectificar mis datos',
      delete: 'Suprimir mis datos',
      opt_out: 'Dejar de vender o compartir mis datos',
    },
    email: 'Tu correo electrónico',
    send: 'Enviar la solicitud',
    codeSent:
      'Hemos enviado un código de 6 cifras a tu correo. Introdúcelo para confirmar tu solicitud.',
    code: 'Código',
    confirm: 'Confirmar',
    done: 'Tu solicitud está confirmada. Responderemos antes del {date}.',
    badEmail: 'Introduce una dirección de correo válida.',
    badCode: 'Este no es el código que enviamos.',
    failed: 'No se pudo enviar la solicitud. Inténtalo más tarde.',
  },
} satisfies UiStrings;

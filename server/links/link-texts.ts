/**
 * The words of a consent link's mail and hosted page, per language. The preference center itself
 * speaks the widget's 32 languages (`src/ui/i18n/`); these are only the frame around it, in the
 * languages below, English for any other.
 */
export interface LinkTexts {
  /** `{organization}` is replaced. */
  subject: string;
  greeting: string;
  /** `{organization}` and `{point}` are replaced. */
  intro: string;
  button: string;
  /** `{date}` is replaced. */
  expires: string;
  ignore: string;
  /** The hosted page. */
  recorded: string;
  nothingYet: string;
  changeUntil: string;
  expiredTitle: string;
  /** `{organization}` is replaced. */
  expiredBody: string;
  notFoundTitle: string;
  notFoundBody: string;
  language: string;
  saved: string;
}

const EN: LinkTexts = {
  subject: 'Your privacy choices for {organization}',
  greeting: 'Hello,',
  intro: '{organization} asks for your consent choices for “{point}”. You decide what you allow.',
  button: 'Review my choices',
  expires: 'This link works until {date}.',
  ignore: 'If you did not expect this message, you can ignore it: nothing changes without you.',
  recorded: 'What is recorded',
  nothingYet: 'Nothing is recorded yet.',
  changeUntil: 'You can change your choices until {date}.',
  expiredTitle: 'This link has expired',
  expiredBody: 'Ask {organization} for a new link to review your choices.',
  notFoundTitle: 'Link not found',
  notFoundBody: 'This link does not exist. Check that you copied all of it.',
  language: 'Language',
  saved: 'Your choices are saved.',
};

const TEXTS: Record<string, LinkTexts> = {
  en: EN,
  ar: {
    subject: 'خيارات الخصوصية الخاصة بك لدى {organization}',
    greeting: 'مرحبًا،',
    intro: 'تطلب {organization} خيارات موافقتك على «{point}». أنت من يقرر ما تسمح به.',
    button: 'مراجعة خياراتي',
    expires: 'يعمل هذا الرابط حتى {date}.',
    ignore: 'إذا لم تكن تتوقع هذه الرسالة فيمكنك تجاهلها: لن يتغير شيء من دونك.',
    recorded: 'ما تم تسجيله',
    nothingYet: 'لم يُسجَّل شيء بعد.',
    changeUntil: 'يمكنك تغيير خياراتك حتى {date}.',
    expiredTitle: 'انتهت صلاحية هذا الرابط',
    expiredBody: 'اطلب من {organization} رابطًا جديدًا لمراجعة خياراتك.',
    notFoundTitle: 'الرابط غير موجود',
    notFoundBody: 'هذا الرابط غير موجود. تحقق من أنك نسخته كاملًا.',
    language: 'اللغة',
    saved: 'تم حفظ خياراتك.',
  },
  de: {
    subject: 'Ihre Datenschutz-Einstellungen bei {organization}',
    greeting: 'Guten Tag,',
    intro:
      '{organization} bittet um Ihre Einwilligungen für „{point}“. Sie entscheiden, was Sie erlauben.',
    button: 'Meine Auswahl prüfen',
    expires: 'Dieser Link gilt bis {date}.',
    ignore:
      'Wenn Sie diese Nachricht nicht erwartet haben, ignorieren Sie sie: ohne Sie ändert sich nichts.',
    recorded: 'Was gespeichert ist',
    nothingYet: 'Noch ist nichts gespeichert.',
    changeUntil: 'Sie können Ihre Auswahl bis {date} ändern.',
    expiredTitle: 'Dieser Link ist abgelaufen',
    expiredBody: 'Bitten Sie {organization} um einen neuen Link.',
    notFoundTitle: 'Link nicht gefunden',
    notFoundBody: 'Diesen Link gibt es nicht. Prüfen Sie, ob Sie ihn vollständig kopiert haben.',
    language: 'Sprache',
    saved: 'Ihre Auswahl ist gespeichert.',
  },
  fr: {
    subject: 'Vos choix de confidentialité pour {organization}',
    greeting: 'Bonjour,',
    intro:
      '{organization} vous demande vos choix de consentement pour « {point} ». Vous décidez de ce que vous autorisez.',
    button: 'Revoir mes choix',
    expires: 'Ce lien est valable jusqu’au {date}.',
    ignore: 'Si vous n’attendiez pas ce message, ignorez-le : rien ne change sans vous.',
    recorded: 'Ce qui est enregistré',
    nothingYet: 'Rien n’est encore enregistré.',
    changeUntil: 'Vous pouvez modifier vos choix jusqu’au {date}.',
    expiredTitle: 'Ce lien a expiré',
    expiredBody: 'Demandez un nouveau lien à {organization}.',
    notFoundTitle: 'Lien introuvable',
    notFoundBody: 'Ce lien n’existe pas. Vérifiez que vous l’avez copié en entier.',
    language: 'Langue',
    saved: 'Vos choix sont enregistrés.',
  },
  es: {
    subject: 'Tus opciones de privacidad para {organization}',
    greeting: 'Hola:',
    intro:
      '{organization} te pide tus opciones de consentimiento para «{point}». Tú decides lo que permites.',
    button: 'Revisar mis opciones',
    expires: 'Este enlace funciona hasta el {date}.',
    ignore: 'Si no esperabas este mensaje, puedes ignorarlo: nada cambia sin ti.',
    recorded: 'Lo que está registrado',
    nothingYet: 'Todavía no hay nada registrado.',
    changeUntil: 'Puedes cambiar tus opciones hasta el {date}.',
    expiredTitle: 'Este enlace ha caducado',
    expiredBody: 'Pide a {organization} un enlace nuevo.',
    notFoundTitle: 'Enlace no encontrado',
    notFoundBody: 'Este enlace no existe. Comprueba que lo copiaste entero.',
    language: 'Idioma',
    saved: 'Tus opciones están guardadas.',
  },
};

/** The texts for `language` (`pt-BR` tries `pt-br`, then `pt`), English when there are none. */
export function linkTexts(language: string): LinkTexts {
  const tag = language.toLowerCase();
  return TEXTS[tag] ?? TEXTS[tag.split('-')[0]!] ?? EN;
}

export function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/**
 * The TCF notice's own words (issue 20); the IAB's purpose texts come translated from the GVL's
 * `purposes-xx.json`, and "Accept all", "Reject all", "Save" from the widget's strings in
 * `src/ui/i18n/`. `{n}` is a number. A language without an entry here reads English.
 */
export interface TcfStrings {
  intro: string;
  partners: string;
  purposes: string;
  specialPurposes: string;
  features: string;
  specialFeatures: string;
  stacks: string;
  vendors: string;
  consent: string;
  legitimateInterest: string;
  retention: string;
  cookieAge: string;
  dataCategories: string;
  googleProviders: string;
  provider: string;
  back: string;
}

const en: TcfStrings = {
  intro:
    'We and our {n} partners store and/or access information on your device and process personal data, such as unique identifiers and browsing data, for the purposes below. Some partners rely on legitimate interest, which you can object to. You can change your choices at any time from the link at the bottom of the page.',
  partners: 'See our {n} partners',
  purposes: 'Purposes',
  specialPurposes: 'Special purposes (no choice: needed to run the service)',
  features: 'Features',
  specialFeatures: 'Special features',
  stacks: 'Groups of purposes',
  vendors: 'Partners',
  consent: 'Consent',
  legitimateInterest: 'Legitimate interest (switch off to object)',
  retention: 'Keeps data for {n} days',
  cookieAge: 'Cookies last up to {n} days',
  dataCategories: 'Data used',
  googleProviders: 'Google ad technology providers',
  provider: 'Provider {n}',
  back: 'Back',
};

const TABLE: Record<string, TcfStrings> = {
  en,
  fr: {
    intro:
      'Nos {n} partenaires et nous stockons et/ou accédons à des informations sur votre appareil et traitons des données personnelles, comme des identifiants uniques et des données de navigation, pour les finalités ci-dessous. Certains partenaires invoquent un intérêt légitime, auquel vous pouvez vous opposer. Vous pouvez modifier vos choix à tout moment depuis le lien en bas de page.',
    partners: 'Voir nos {n} partenaires',
    purposes: 'Finalités',
    specialPurposes: 'Finalités spéciales (sans choix : nécessaires au service)',
    features: 'Fonctionnalités',
    specialFeatures: 'Fonctionnalités spéciales',
    stacks: 'Groupes de finalités',
    vendors: 'Partenaires',
    consent: 'Consentement',
    legitimateInterest: 'Intérêt légitime (désactivez pour vous opposer)',
    retention: 'Conserve les données {n} jours',
    cookieAge: 'Cookies conservés jusqu’à {n} jours',
    dataCategories: 'Données utilisées',
    googleProviders: 'Fournisseurs de technologies publicitaires de Google',
    provider: 'Fournisseur {n}',
    back: 'Retour',
  },
  de: {
    intro:
      'Wir und unsere {n} Partner speichern und/oder greifen auf Informationen auf Ihrem Gerät zu und verarbeiten personenbezogene Daten wie eindeutige Kennungen und Browsing-Daten für die unten genannten Zwecke. Einige Partner berufen sich auf berechtigtes Interesse, dem Sie widersprechen können. Sie können Ihre Auswahl jederzeit über den Link unten auf der Seite ändern.',
    partners: 'Unsere {n} Partner ansehen',
    purposes: 'Zwecke',
    specialPurposes: 'Besondere Zwecke (ohne Wahl: für den Dienst nötig)',
    features: 'Funktionen',
    specialFeatures: 'Besondere Funktionen',
    stacks: 'Zweckgruppen',
    vendors: 'Partner',
    consent: 'Einwilligung',
    legitimateInterest: 'Berechtigtes Interesse (ausschalten, um zu widersprechen)',
    retention: 'Speichert Daten {n} Tage',
    cookieAge: 'Cookies bis zu {n} Tage',
    dataCategories: 'Verwendete Daten',
    googleProviders: 'Anbieter von Google-Werbetechnologien',
    provider: 'Anbieter {n}',
    back: 'Zurück',
  },
  es: {
    intro:
      'Nosotros y nuestros {n} socios almacenamos y/o accedemos a información de su dispositivo y tratamos datos personales, como identificadores únicos y datos de navegación, para los fines indicados. Algunos socios se basan en el interés legítimo, al que puede oponerse. Puede cambiar sus opciones en cualquier momento desde el enlace al pie de la página.',
    partners: 'Ver nuestros {n} socios',
    purposes: 'Finalidades',
    specialPurposes: 'Finalidades especiales (sin elección: necesarias para el servicio)',
    features: 'Características',
    specialFeatures: 'Características especiales',
    stacks: 'Grupos de finalidades',
    vendors: 'Socios',
    consent: 'Consentimiento',
    legitimateInterest: 'Interés legítimo (desactívelo para oponerse)',
    retention: 'Conserva los datos {n} días',
    cookieAge: 'Cookies de hasta {n} días',
    dataCategories: 'Datos utilizados',
    googleProviders: 'Proveedores de tecnología publicitaria de Google',
    provider: 'Proveedor {n}',
    back: 'Volver',
  },
  it: {
    intro:
      'Noi e i nostri {n} partner archiviamo e/o accediamo a informazioni sul tuo dispositivo e trattiamo dati personali, come identificativi univoci e dati di navigazione, per le finalità indicate. Alcuni partner si basano sul legittimo interesse, al quale puoi opporti. Puoi modificare le tue scelte in qualsiasi momento dal link in fondo alla pagina.',
    partners: 'Vedi i nostri {n} partner',
    purposes: 'Finalità',
    specialPurposes: 'Finalità speciali (senza scelta: necessarie al servizio)',
    features: 'Funzionalità',
    specialFeatures: 'Funzionalità speciali',
    stacks: 'Gruppi di finalità',
    vendors: 'Partner',
    consent: 'Consenso',
    legitimateInterest: 'Legittimo interesse (disattiva per opporti)',
    retention: 'Conserva i dati per {n} giorni',
    cookieAge: 'Cookie fino a {n} giorni',
    dataCategories: 'Dati utilizzati',
    googleProviders: 'Fornitori di tecnologia pubblicitaria di Google',
    provider: 'Fornitore {n}',
    back: 'Indietro',
  },
  ar: {
    intro:
      'نقوم نحن وشركاؤنا البالغ عددهم {n} بتخزين المعلومات على جهازك و/أو الوصول إليها ومعالجة البيانات الشخصية، مثل المعرّفات الفريدة وبيانات التصفح، للأغراض المذكورة أدناه. يعتمد بعض الشركاء على المصلحة المشروعة، ويحق لك الاعتراض عليها. يمكنك تغيير اختياراتك في أي وقت من الرابط أسفل الصفحة.',
    partners: 'عرض شركائنا البالغ عددهم {n}',
    purposes: 'الأغراض',
    specialPurposes: 'أغراض خاصة (بلا خيار: لازمة لتشغيل الخدمة)',
    features: 'الميزات',
    specialFeatures: 'ميزات خاصة',
    stacks: 'مجموعات الأغراض',
    vendors: 'الشركاء',
    consent: 'الموافقة',
    legitimateInterest: 'المصلحة المشروعة (أوقفها للاعتراض)',
    retention: 'يحتفظ بالبيانات {n} يومًا',
    cookieAge: 'ملفات تعريف الارتباط حتى {n} يومًا',
    dataCategories: 'البيانات المستخدمة',
    googleProviders: 'مزوّدو تقنيات الإعلان من Google',
    provider: 'المزوّد {n}',
    back: 'رجوع',
  },
  nl: {
    intro:
      'Wij en onze {n} partners slaan informatie op uw apparaat op en/of openen die, en verwerken persoonsgegevens, zoals unieke identificatoren en browsegegevens, voor de doeleinden hieronder. Sommige partners beroepen zich op een gerechtvaardigd belang, waartegen u bezwaar kunt maken. U kunt uw keuzes altijd wijzigen via de link onderaan de pagina.',
    partners: 'Bekijk onze {n} partners',
    purposes: 'Doeleinden',
    specialPurposes: 'Speciale doeleinden (geen keuze: nodig voor de dienst)',
    features: 'Functies',
    specialFeatures: 'Speciale functies',
    stacks: 'Groepen doeleinden',
    vendors: 'Partners',
    consent: 'Toestemming',
    legitimateInterest: 'Gerechtvaardigd belang (uitzetten om bezwaar te maken)',
    retention: 'Bewaart gegevens {n} dagen',
    cookieAge: 'Cookies tot {n} dagen',
    dataCategories: 'Gebruikte gegevens',
    googleProviders: 'Aanbieders van Google-advertentietechnologie',
    provider: 'Aanbieder {n}',
    back: 'Terug',
  },
  pt: {
    intro:
      'Nós e os nossos {n} parceiros armazenamos e/ou acedemos a informações no seu dispositivo e tratamos dados pessoais, como identificadores únicos e dados de navegação, para as finalidades abaixo. Alguns parceiros baseiam-se no interesse legítimo, ao qual se pode opor. Pode alterar as suas escolhas a qualquer momento através da ligação no fundo da página.',
    partners: 'Ver os nossos {n} parceiros',
    purposes: 'Finalidades',
    specialPurposes: 'Finalidades especiais (sem escolha: necessárias ao serviço)',
    features: 'Funcionalidades',
    specialFeatures: 'Funcionalidades especiais',
    stacks: 'Grupos de finalidades',
    vendors: 'Parceiros',
    consent: 'Consentimento',
    legitimateInterest: 'Interesse legítimo (desligue para se opor)',
    retention: 'Conserva os dados {n} dias',
    cookieAge: 'Cookies até {n} dias',
    dataCategories: 'Dados utilizados',
    googleProviders: 'Fornecedores de tecnologia publicitária da Google',
    provider: 'Fornecedor {n}',
    back: 'Voltar',
  },
  pl: {
    intro:
      'My i nasi partnerzy ({n}) przechowujemy informacje na Twoim urządzeniu i/lub uzyskujemy do nich dostęp oraz przetwarzamy dane osobowe, takie jak unikalne identyfikatory i dane o przeglądaniu, w celach opisanych poniżej. Niektórzy partnerzy powołują się na prawnie uzasadniony interes, wobec którego możesz wnieść sprzeciw. Możesz zmienić swoje wybory w każdej chwili za pomocą linku na dole strony.',
    partners: 'Zobacz naszych partnerów ({n})',
    purposes: 'Cele',
    specialPurposes: 'Cele specjalne (bez wyboru: niezbędne do działania usługi)',
    features: 'Funkcje',
    specialFeatures: 'Funkcje specjalne',
    stacks: 'Grupy celów',
    vendors: 'Partnerzy',
    consent: 'Zgoda',
    legitimateInterest: 'Uzasadniony interes (wyłącz, aby wnieść sprzeciw)',
    retention: 'Przechowuje dane przez {n} dni',
    cookieAge: 'Pliki cookie do {n} dni',
    dataCategories: 'Wykorzystywane dane',
    googleProviders: 'Dostawcy technologii reklamowych Google',
    provider: 'Dostawca {n}',
    back: 'Wstecz',
  },
  sv: {
    intro:
      'Vi och våra {n} partner lagrar och/eller får åtkomst till information på din enhet och behandlar personuppgifter, som unika identifierare och surfdata, för ändamålen nedan. Vissa partner stöder sig på berättigat intresse, som du kan invända mot. Du kan ändra dina val när som helst via länken längst ned på sidan.',
    partners: 'Se våra {n} partner',
    purposes: 'Ändamål',
    specialPurposes: 'Särskilda ändamål (inget val: behövs för tjänsten)',
    features: 'Funktioner',
    specialFeatures: 'Särskilda funktioner',
    stacks: 'Grupper av ändamål',
    vendors: 'Partner',
    consent: 'Samtycke',
    legitimateInterest: 'Berättigat intresse (stäng av för att invända)',
    retention: 'Sparar uppgifter i {n} dagar',
    cookieAge: 'Kakor i upp till {n} dagar',
    dataCategories: 'Uppgifter som används',
    googleProviders: 'Googles leverantörer av annonsteknik',
    provider: 'Leverantör {n}',
    back: 'Tillbaka',
  },
  he: {
    intro:
      'אנו ו־{n} השותפים שלנו מאחסנים מידע במכשיר שלך ו/או ניגשים אליו ומעבדים מידע אישי, כגון מזהים ייחודיים ונתוני גלישה, למטרות שלהלן. חלק מהשותפים מסתמכים על אינטרס לגיטימי, ואפשר להתנגד לו. אפשר לשנות את הבחירות בכל עת מהקישור בתחתית הדף.',
    partners: 'הצגת {n} השותפים שלנו',
    purposes: 'מטרות',
    specialPurposes: 'מטרות מיוחדות (ללא בחירה: נחוצות לשירות)',
    features: 'תכונות',
    specialFeatures: 'תכונות מיוחדות',
    stacks: 'קבוצות מטרות',
    vendors: 'שותפים',
    consent: 'הסכמה',
    legitimateInterest: 'אינטרס לגיטימי (כיבוי להתנגדות)',
    retention: 'שומר נתונים {n} ימים',
    cookieAge: 'קובצי Cookie עד {n} ימים',
    dataCategories: 'נתונים בשימוש',
    googleProviders: 'ספקי טכנולוגיית פרסום של Google',
    provider: 'ספק {n}',
    back: 'חזרה',
  },
};

/** The strings of a language (`fr`, `pt-br`), English when there are none. */
export function tcfStrings(language: string): TcfStrings {
  return TABLE[language.toLowerCase()] ?? TABLE[language.slice(0, 2).toLowerCase()] ?? en;
}

/** `'Keeps data for {n} days'` with `n`. */
export const fill = (text: string, n: number) => text.replace('{n}', String(n));

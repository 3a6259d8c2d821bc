import type { UiStrings } from '../built-in-locales.ts';

export default {
  notice: {
    title: 'Twoja prywatność',
    description:
      'Używamy plików cookie i podobnych technologii. Niektóre są niezbędne do działania strony, inne tylko za Twoją zgodą.',
    acceptAll: 'Akceptuj wszystkie',
    rejectAll: 'Odrzuć wszystkie',
    customize: 'Wybierz',
    save: 'Zapisz wybór',
    alwaysOn: 'Zawsze aktywne',
    privacyPolicy: 'Polityka prywatności',
  },
  preferences: {
    title: 'Ustawienia prywatności',
    intro:
      'Wybierz, na co się zgadzasz. Każdy wybór możesz tu w dowolnej chwili zmienić lub wycofać.',
    close: 'Zamknij',
    readMore: 'Więcej',
    fullText: 'Pełny tekst',
    categories: {
      privacy_setting: 'Pliki cookie i śledzenie',
      communication: 'Wiadomości do Ciebie',
      disclosure: 'Zasady',
      custom: 'Inne',
    },
    states: {
      accepted: 'Dozwolone',
      implied: 'Dozwolone (domyślnie)',
      declined: 'Niedozwolone',
      viewed: 'Wyświetlono',
      none: 'Brak wyboru',
    },
    given: 'od',
    expires: 'do',
    receipt: 'Zobacz potwierdzenie mojej zgody',
  },
  allDevices: 'Twój wybór obowiązuje na wszystkich Twoich urządzeniach.',
  floatingButton: 'Otwórz ustawienia prywatności',
  gate: {
    content: 'Ta treść',
    text: '{content} wczyta się tylko za Twoją zgodą na {consent}.',
    allow: 'Zezwól na {consent} i wczytaj',
  },
  usPrivacy: {
    signalHonoured: 'Uwzględniono sygnał rezygnacji',
    doNotSellOrShare: 'Nie sprzedawaj ani nie udostępniaj moich danych osobowych',
    optOut: 'Zrezygnuj ze sprzedaży i reklamy ukierunkowanej',
    noticeAtCollection:
      'Podczas korzystania z serwisu zbieramy identyfikatory oraz dane urządzenia i przeglądania w wymienionych tu celach. Polityka prywatności opisuje, co zbieramy, dlaczego i jak długo to przechowujemy.',
  },
  request: {
    link: 'Twoje prawa do danych',
    title: 'Wniosek dotyczący Twoich danych',
    intro:
      'Możesz zapytać, jakie dane o Tobie przechowujemy, poprosić o kopię, sprostowanie lub usunięcie albo o zaprzestanie ich sprzedaży lub udostępniania. Najpierw potwierdzamy Twój e-mail.',
    kind: 'Czego potrzebujesz?',
    kinds: {
      access: 'Zobaczyć dane przechowywane o mnie',
      export: 'Otrzymać kopię moich danych',
      correct: 'Sprostować moje dane',
      delete: 'Usunąć moje dane',
      opt_out: 'Wstrzymać sprzedaż lub udostępnianie moich danych',
    },
    email: 'Twój e-mail',
    send: 'Wyślij wniosek',
    codeSent: 'Wysłaliśmy 6-cyfrowy kod na Twój e-mail. Wpisz go, aby potwierdzić wniosek.',
    code: 'Kod',
    confirm: 'Potwierdź',
    done: 'Twój wniosek został potwierdzony. Odpowiemy do {date}.',
    badEmail: 'Wpisz poprawny adres e-mail.',
    badCode: 'To nie jest kod, który wysłaliśmy.',
    failed: 'Nie udało się wysłać wniosku. Spróbuj później.',
  },
} satisfies UiStrings;

import type { TcfStrings } from '../tcf-strings.ts';

const strings: TcfStrings = {
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
};

export default strings;

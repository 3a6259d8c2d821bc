import type { UiStrings } from '../ui-strings.ts';

export default {
  notice: {
    title: 'Ваша приватність',
    description:
      'Ми використовуємо файли cookie та подібні технології. Деякі потрібні для роботи сайту, інші — лише за вашою згодою.',
    acceptAll: 'Прийняти все',
    rejectAll: 'Відхилити все',
    customize: 'Вибрати',
    save: 'Зберегти вибір',
    alwaysOn: 'Завжди ввімкнено',
    privacyPolicy: 'Політика конфіденційності',
  },
  preferences: {
    title: 'Налаштування приватності',
    intro:
      'Виберіть, що ви дозволяєте. Будь-який вибір тут можна будь-коли змінити або відкликати.',
    close: 'Закрити',
    readMore: 'Докладніше',
    fullText: 'Повний текст',
    categories: {
      privacy_setting: 'Cookie та відстеження',
      communication: 'Повідомлення для вас',
      disclosure: 'Політики',
      custom: 'Інше',
    },
    states: {
      accepted: 'Дозволено',
      implied: 'Дозволено (неявно)',
      declined: 'Не дозволено',
      viewed: 'Переглянуто',
      none: 'Ще не вибрано',
    },
    given: 'з',
    expires: 'до',
    receipt: 'Переглянути квитанцію моєї згоди',
  },
  allDevices: 'Ваш вибір діє на всіх ваших пристроях.',
  floatingButton: 'Відкрити налаштування приватності',
  gate: {
    content: 'Цей вміст',
    text: '{content} завантажується лише з вашої згоди на {consent}.',
    allow: 'Дозволити {consent} і завантажити',
  },
} satisfies UiStrings;

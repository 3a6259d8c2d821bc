import type { UiStrings } from '../ui-strings.ts';

export default {
  notice: {
    title: 'Вашата поверителност',
    description:
      'Използваме бисквитки и подобни технологии. Някои са нужни за работата на сайта, други – само с ваше съгласие.',
    acceptAll: 'Приемам всички',
    rejectAll: 'Отхвърлям всички',
    customize: 'Избор',
    save: 'Запазване',
    alwaysOn: 'Винаги активни',
    privacyPolicy: 'Политика за поверителност',
  },
  preferences: {
    title: 'Настройки за поверителност',
    intro:
      'Изберете какво разрешавате. Можете да промените или оттеглите всеки избор тук по всяко време.',
    close: 'Затваряне',
    readMore: 'Научете повече',
    fullText: 'Пълен текст',
    categories: {
      privacy_setting: 'Бисквитки и проследяване',
      communication: 'Съобщения до вас',
      disclosure: 'Политики',
      custom: 'Други',
    },
    states: {
      accepted: 'Разрешено',
      implied: 'Разрешено (мълчаливо)',
      declined: 'Не е разрешено',
      viewed: 'Видяно',
      none: 'Все още няма избор',
    },
    given: 'от',
    expires: 'до',
    receipt: 'Вижте разписката за вашето съгласие',
  },
  allDevices: 'Изборът ви важи за всичките ви устройства.',
  floatingButton: 'Отваряне на настройките за поверителност',
  gate: {
    content: 'Това съдържание',
    text: '{content} се зарежда само с вашето съгласие за {consent}.',
    allow: 'Разрешаване на {consent} и зареждане',
  },
} satisfies UiStrings;

import type { UiStrings } from '../built-in-locales.ts';

export default {
  dir: 'rtl',
  notice: {
    title: 'הפרטיות שלך',
    description:
      'אנו משתמשים בעוגיות ובטכנולוגיות דומות. חלקן נחוצות לפעולת האתר, והשאר רק בהסכמתך.',
    acceptAll: 'אישור הכול',
    rejectAll: 'דחיית הכול',
    customize: 'בחירה',
    save: 'שמירת הבחירות',
    alwaysOn: 'פעיל תמיד',
    privacyPolicy: 'מדיניות פרטיות',
  },
  preferences: {
    title: 'העדפות פרטיות',
    intro: 'בחרו מה לאפשר. אפשר לשנות או לבטל כל בחירה כאן בכל עת.',
    close: 'סגירה',
    readMore: 'מידע נוסף',
    fullText: 'הטקסט המלא',
    categories: {
      privacy_setting: 'עוגיות ומעקב',
      communication: 'הודעות אליך',
      disclosure: 'מדיניות',
      custom: 'אחר',
    },
    states: {
      accepted: 'מותר',
      implied: 'מותר (במשתמע)',
      declined: 'לא מותר',
      viewed: 'נצפה',
      none: 'עדיין אין בחירה',
    },
    given: 'מאז',
    expires: 'עד',
    receipt: 'הצגת אישור ההסכמה שלי',
  },
  allDevices: 'הבחירה שלך חלה על כל המכשירים שלך.',
  floatingButton: 'פתיחת העדפות פרטיות',
  gate: {
    content: 'תוכן זה',
    text: '{content} נטען רק בהסכמתך ל-{consent}.',
    allow: 'אישור {consent} וטעינה',
  },
  usPrivacy: {
    signalHonoured: 'אות הסירוב כובד',
    doNotSellOrShare: 'אל תמכרו ואל תשתפו את המידע האישי שלי',
    optOut: 'ביטול הסכמה למכירה ולפרסום ממוקד',
    noticeAtCollection:
      'אנו אוספים מזהים, נתוני מכשיר וגלישה כשאתם משתמשים באתר, למטרות המפורטות כאן. מדיניות הפרטיות מפרטת מה אנו אוספים, מדוע וכמה זמן אנו שומרים זאת.',
  },
  request: {
    link: 'הזכויות שלך על המידע',
    title: 'בקשה לגבי המידע שלך',
    intro:
      'אפשר לשאול אילו נתונים אנו שומרים עליך, לבקש עותק, תיקון או מחיקה, או שנפסיק למכור או לשתף אותם. קודם נאמת את כתובת הדוא״ל שלך.',
    kind: 'מה ברצונך לעשות?',
    kinds: {
      access: 'לראות את המידע שנשמר עליי',
      export: 'לקבל עותק של המידע שלי',
      correct: 'לתקן את המידע שלי',
      delete: 'למחוק את המידע שלי',
      opt_out: 'להפסיק מכירה או שיתוף של המידע שלי',
    },
    email: 'הדוא״ל שלך',
    send: 'שליחת הבקשה',
    codeSent: 'שלחנו קוד בן 6 ספרות לדוא״ל שלך. יש להזין אותו כדי לאשר את הבקשה.',
    code: 'קוד',
    confirm: 'אישור',
    done: 'הבקשה שלך אושרה. נשיב עד {date}.',
    badEmail: 'יש להזין כתובת דוא״ל תקינה.',
    badCode: 'זה לא הקוד ששלחנו.',
    failed: 'לא ניתן היה לשלוח את הבקשה. כדאי לנסות שוב מאוחר יותר.',
  },
} satisfies UiStrings;

import type { TcfStrings } from '../tcf-strings.ts';

const strings: TcfStrings = {
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
};

export default strings;

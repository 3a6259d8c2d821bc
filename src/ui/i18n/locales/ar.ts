import type { UiStrings } from '../ui-strings.ts';

export default {
  dir: 'rtl',
  notice: {
    title: 'خصوصيتك',
    description:
      'نستخدم ملفات تعريف الارتباط وتقنيات مشابهة. بعضها ضروري لعمل الموقع، والباقي بموافقتك فقط.',
    acceptAll: 'قبول الكل',
    rejectAll: 'رفض الكل',
    customize: 'اختيار',
    save: 'حفظ الاختيارات',
    alwaysOn: 'مفعّل دائمًا',
    privacyPolicy: 'سياسة الخصوصية',
  },
  preferences: {
    title: 'تفضيلات الخصوصية',
    intro: 'اختر ما تسمح به. يمكنك تغيير أي اختيار أو سحبه هنا في أي وقت.',
    close: 'إغلاق',
    readMore: 'اقرأ المزيد',
    fullText: 'النص الكامل',
    categories: {
      privacy_setting: 'ملفات تعريف الارتباط والتتبع',
      communication: 'رسائل إليك',
      disclosure: 'السياسات',
      custom: 'أخرى',
    },
    states: {
      accepted: 'مسموح',
      implied: 'مسموح (ضمنيًا)',
      declined: 'غير مسموح',
      viewed: 'تم الاطلاع',
      none: 'لا يوجد اختيار بعد',
    },
    given: 'منذ',
    expires: 'حتى',
    receipt: 'عرض إيصال موافقتي',
  },
  allDevices: 'ينطبق اختيارك على جميع أجهزتك.',
  floatingButton: 'فتح تفضيلات الخصوصية',
  gate: {
    content: 'هذا المحتوى',
    text: 'لا يُحمَّل {content} إلا بموافقتك على {consent}.',
    allow: 'السماح بـ {consent} والتحميل',
  },
  usPrivacy: {
    signalHonoured: 'تم احترام إشارة تفضيل إلغاء الاشتراك',
    doNotSellOrShare: 'لا تبِع معلوماتي الشخصية ولا تشاركها',
    optOut: 'إلغاء الاشتراك في البيع والإعلانات الموجهة',
    noticeAtCollection:
      'نجمع المعرّفات وبيانات الجهاز والتصفح عند استخدامك هذا الموقع، للأغراض المذكورة هنا. توضّح سياسة الخصوصية ما نجمعه ولماذا ومدة احتفاظنا به.',
  },
} satisfies UiStrings;

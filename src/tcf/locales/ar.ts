import type { TcfStrings } from '../tcf-strings.ts';

const strings: TcfStrings = {
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
};

export default strings;

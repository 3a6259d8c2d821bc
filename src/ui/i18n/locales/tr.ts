import type { UiStrings } from '../built-in-locales.ts';

export default {
  notice: {
    title: 'Gizliliğiniz',
    description:
      'Çerezler ve benzeri teknolojiler kullanıyoruz. Bazıları sitenin çalışması için gereklidir; diğerleri yalnızca izninizle.',
    acceptAll: 'Tümünü kabul et',
    rejectAll: 'Tümünü reddet',
    customize: 'Seç',
    save: 'Seçimi kaydet',
    alwaysOn: 'Her zaman açık',
    privacyPolicy: 'Gizlilik politikası',
  },
  preferences: {
    title: 'Gizlilik tercihleri',
    intro:
      'Neye izin verdiğinizi seçin. Her seçimi burada istediğiniz zaman değiştirebilir veya geri alabilirsiniz.',
    close: 'Kapat',
    readMore: 'Daha fazla bilgi',
    fullText: 'Tam metin',
    categories: {
      privacy_setting: 'Çerezler ve izleme',
      communication: 'Size iletiler',
      disclosure: 'Politikalar',
      custom: 'Diğer',
    },
    states: {
      accepted: 'İzin verildi',
      implied: 'İzin verildi (örtülü)',
      declined: 'İzin verilmedi',
      viewed: 'Görüldü',
      none: 'Henüz seçim yok',
    },
    given: 'başlangıç',
    expires: 'bitiş',
    receipt: 'Onay makbuzumu görüntüle',
  },
  allDevices: 'Seçiminiz tüm cihazlarınız için geçerlidir.',
  floatingButton: 'Gizlilik tercihlerini aç',
  gate: {
    content: 'Bu içerik',
    text: '{content} yalnızca {consent} için onay verirseniz yüklenir.',
    allow: '{consent} için izin ver ve yükle',
  },
  usPrivacy: {
    signalHonoured: 'Vazgeçme sinyaline uyuldu',
    doNotSellOrShare: 'Kişisel Bilgilerimi Satmayın veya Paylaşmayın',
    optOut: 'Satıştan ve hedefli reklamlardan vazgeç',
    noticeAtCollection:
      'Bu siteyi kullandığınızda burada listelenen amaçlar için tanımlayıcılar, cihaz ve gezinme verileri toplarız. Gizlilik politikası neyi, neden topladığımızı ve ne kadar sakladığımızı açıklar.',
  },
  request: {
    link: 'Verilerinizle ilgili haklarınız',
    title: 'Verilerinizle ilgili talep',
    intro:
      'Hakkınızda hangi verileri tuttuğumuzu sorabilir, kopya, düzeltme veya silme isteyebilir ya da satışını veya paylaşımını durdurmamızı talep edebilirsiniz. Önce e-postanızı doğrularız.',
    kind: 'Ne yapmak istiyorsunuz?',
    kinds: {
      access: 'Hakkımda tutulan verileri görmek',
      export: 'Verilerimin bir kopyasını almak',
      correct: 'Verilerimi düzeltmek',
      delete: 'Verilerimi silmek',
      opt_out: 'Verilerimin satışını veya paylaşımını durdurmak',
    },
    email: 'E-postanız',
    send: 'Talebi gönder',
    codeSent: 'E-postanıza 6 haneli bir kod gönderdik. Talebinizi onaylamak için kodu girin.',
    code: 'Kod',
    confirm: 'Onayla',
    done: 'Talebiniz onaylandı. En geç {date} tarihinde yanıt vereceğiz.',
    badEmail: 'Geçerli bir e-posta adresi girin.',
    badCode: 'Bu, gönderdiğimiz kod değil.',
    failed: 'Talep gönderilemedi. Daha sonra tekrar deneyin.',
  },
} satisfies UiStrings;

import type { TcfStrings } from '../tcf-strings.ts';

const strings: TcfStrings = {
  intro:
    'Biz ve {n} iş ortağımız, aşağıdaki amaçlar için cihazınızda bilgi depolar ve/veya bu bilgilere erişir, benzersiz tanımlayıcılar ve gezinme verileri gibi kişisel verileri işleriz. Bazı iş ortakları meşru menfaate dayanır; buna itiraz edebilirsiniz. Tercihlerinizi istediğiniz zaman sayfanın altındaki bağlantıdan değiştirebilirsiniz.',
  partners: '{n} iş ortağımızı görün',
  purposes: 'Amaçlar',
  specialPurposes: 'Özel amaçlar (seçim yok: hizmetin çalışması için gerekli)',
  features: 'Özellikler',
  specialFeatures: 'Özel özellikler',
  stacks: 'Amaç grupları',
  vendors: 'İş ortakları',
  consent: 'Rıza',
  legitimateInterest: 'Meşru menfaat (itiraz etmek için kapatın)',
  retention: 'Verileri {n} gün saklar',
  cookieAge: 'Çerezler en fazla {n} gün geçerlidir',
  dataCategories: 'Kullanılan veriler',
  googleProviders: 'Google reklam teknolojisi sağlayıcıları',
  provider: 'Sağlayıcı {n}',
  back: 'Geri',
};

export default strings;

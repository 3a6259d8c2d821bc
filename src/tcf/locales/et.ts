import type { TcfStrings } from '../tcf-strings.ts';

const strings: TcfStrings = {
  intro:
    'Meie ja meie {n} partnerit salvestame teavet teie seadmesse ja/või loeme seda sealt ning töötleme isikuandmeid, näiteks unikaalseid identifikaatoreid ja sirvimisandmeid, allpool kirjeldatud eesmärkidel. Mõni partner tugineb õigustatud huvile, mille vastu võite esitada vastuväite. Saate oma valikuid igal ajal muuta lehe allosas oleva lingi kaudu.',
  partners: 'Vaata meie partnereid ({n})',
  purposes: 'Eesmärgid',
  specialPurposes: 'Erieesmärgid (valikuta: vajalikud teenuse toimimiseks)',
  features: 'Funktsioonid',
  specialFeatures: 'Erifunktsioonid',
  stacks: 'Eesmärkide rühmad',
  vendors: 'Partnerid',
  consent: 'Nõusolek',
  legitimateInterest: 'Õigustatud huvi (lülitage välja, et esitada vastuväide)',
  retention: 'Säilitab andmeid {n} päeva',
  cookieAge: 'Küpsised kehtivad kuni {n} päeva',
  dataCategories: 'Kasutatavad andmed',
  googleProviders: 'Google’i reklaamitehnoloogia pakkujad',
  provider: 'Pakkuja {n}',
  back: 'Tagasi',
};

export default strings;

import type { TcfStrings } from '../tcf-strings.ts';

const strings: TcfStrings = {
  intro:
    'Aħna u l-{n} sieħeb tagħna naħżnu u/jew naċċessaw informazzjoni fuq l-apparat tiegħek u nipproċessaw data personali, bħal identifikaturi uniċi u data tal-browsing, għall-iskopijiet ta’ hawn taħt. Xi sħab jiddependu fuq interess leġittimu, li tista’ toġġezzjona għalih. Tista’ tibdel l-għażliet tiegħek f’kull ħin mil-link fil-qiegħ tal-paġna.',
  partners: 'Ara s-sħab tagħna ({n})',
  purposes: 'Skopijiet',
  specialPurposes: 'Skopijiet speċjali (mingħajr għażla: meħtieġa biex jitħaddem is-servizz)',
  features: 'Karatteristiċi',
  specialFeatures: 'Karatteristiċi speċjali',
  stacks: 'Gruppi ta’ skopijiet',
  vendors: 'Sħab',
  consent: 'Kunsens',
  legitimateInterest: 'Interess leġittimu (itfih biex toġġezzjona)',
  retention: 'Perjodu taż-żamma tad-data: {n} jum',
  cookieAge: 'Il-cookies idumu sa {n} jum',
  dataCategories: 'Data użata',
  googleProviders: 'Fornituri tat-teknoloġija tar-reklamar ta’ Google',
  provider: 'Fornitur {n}',
  back: 'Lura',
};

export default strings;

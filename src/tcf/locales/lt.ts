import type { TcfStrings } from '../tcf-strings.ts';

const strings: TcfStrings = {
  intro:
    'Mes ir mūsų partneriai ({n}) saugome informaciją jūsų įrenginyje ir (arba) ją pasiekiame bei tvarkome asmens duomenis, pavyzdžiui, unikalius identifikatorius ir naršymo duomenis, toliau nurodytais tikslais. Kai kurie partneriai remiasi teisėtu interesu, kuriam galite nepritarti. Savo pasirinkimus bet kada galite pakeisti naudodamiesi nuoroda puslapio apačioje.',
  partners: 'Peržiūrėti mūsų partnerius ({n})',
  purposes: 'Tikslai',
  specialPurposes: 'Specialieji tikslai (be pasirinkimo: būtini paslaugai teikti)',
  features: 'Funkcijos',
  specialFeatures: 'Specialiosios funkcijos',
  stacks: 'Tikslų grupės',
  vendors: 'Partneriai',
  consent: 'Sutikimas',
  legitimateInterest: 'Teisėtas interesas (išjunkite, kad nepritartumėte)',
  retention: 'Duomenų saugojimo laikotarpis: {n} d.',
  cookieAge: 'Slapukų galiojimas: iki {n} d.',
  dataCategories: 'Naudojami duomenys',
  googleProviders: '„Google“ reklamos technologijų teikėjai',
  provider: 'Teikėjas {n}',
  back: 'Atgal',
};

export default strings;

import type { TcfStrings } from '../tcf-strings.ts';

const strings: TcfStrings = {
  intro:
    'Mēs un mūsu partneri (kopā {n}) glabājam informāciju jūsu ierīcē un/vai piekļūstam tai un apstrādājam personas datus, piemēram, unikālus identifikatorus un pārlūkošanas datus, tālāk norādītajiem nolūkiem. Daži partneri balstās uz leģitīmajām interesēm, pret kurām varat iebilst. Savas izvēles varat jebkurā laikā mainīt, izmantojot saiti lapas apakšā.',
  partners: 'Skatīt mūsu partnerus ({n})',
  purposes: 'Nolūki',
  specialPurposes: 'Īpašie nolūki (bez izvēles: nepieciešami pakalpojuma darbībai)',
  features: 'Funkcijas',
  specialFeatures: 'Īpašās funkcijas',
  stacks: 'Nolūku grupas',
  vendors: 'Partneri',
  consent: 'Piekrišana',
  legitimateInterest: 'Leģitīmās intereses (izslēdziet, lai iebilstu)',
  retention: 'Datu glabāšanas laiks: {n} d.',
  cookieAge: 'Sīkdatņu derīgums: līdz {n} d.',
  dataCategories: 'Izmantotie dati',
  googleProviders: 'Google reklāmas tehnoloģiju nodrošinātāji',
  provider: 'Nodrošinātājs {n}',
  back: 'Atpakaļ',
};

export default strings;

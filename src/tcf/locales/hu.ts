import type { TcfStrings } from '../tcf-strings.ts';

const strings: TcfStrings = {
  intro:
    'Mi és {n} partnerünk információkat tárolunk az Ön eszközén és/vagy hozzáférünk azokhoz, valamint személyes adatokat kezelünk, például egyedi azonosítókat és böngészési adatokat, az alább felsorolt célokra. Egyes partnerek jogos érdekre hivatkoznak, amely ellen Ön tiltakozhat. Választásait bármikor módosíthatja az oldal alján található hivatkozással.',
  partners: 'Mind a(z) {n} partnerünk megtekintése',
  purposes: 'Célok',
  specialPurposes: 'Különleges célok (választás nélkül: a szolgáltatás működéséhez szükségesek)',
  features: 'Funkciók',
  specialFeatures: 'Különleges funkciók',
  stacks: 'Célcsoportok',
  vendors: 'Partnerek',
  consent: 'Hozzájárulás',
  legitimateInterest: 'Jogos érdek (kapcsolja ki a tiltakozáshoz)',
  retention: 'Az adatokat {n} napig őrzi',
  cookieAge: 'A sütik legfeljebb {n} napig érvényesek',
  dataCategories: 'Felhasznált adatok',
  googleProviders: 'A Google hirdetéstechnológiai szolgáltatói',
  provider: 'Szolgáltató ({n})',
  back: 'Vissza',
};

export default strings;

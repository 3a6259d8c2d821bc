import type { TcfStrings } from '../tcf-strings.ts';

const strings: TcfStrings = {
  intro:
    'My a naši partneři (celkem {n}) ukládáme informace ve vašem zařízení a/nebo k nim přistupujeme a zpracováváme osobní údaje, například jedinečné identifikátory a údaje o procházení, pro níže uvedené účely. Někteří partneři se opírají o oprávněný zájem, proti kterému můžete vznést námitku. Svou volbu můžete kdykoli změnit pomocí odkazu v dolní části stránky.',
  partners: 'Zobrazit naše partnery ({n})',
  purposes: 'Účely',
  specialPurposes: 'Zvláštní účely (bez volby: nutné pro provoz služby)',
  features: 'Funkce',
  specialFeatures: 'Zvláštní funkce',
  stacks: 'Skupiny účelů',
  vendors: 'Partneři',
  consent: 'Souhlas',
  legitimateInterest: 'Oprávněný zájem (vypnutím vznesete námitku)',
  retention: 'Doba uchování údajů: {n} dní',
  cookieAge: 'Platnost cookies: nejvýše {n} dní',
  dataCategories: 'Používané údaje',
  googleProviders: 'Poskytovatelé reklamních technologií Google',
  provider: 'Poskytovatel {n}',
  back: 'Zpět',
};

export default strings;

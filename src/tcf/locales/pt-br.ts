import type { TcfStrings } from '../tcf-strings.ts';

const strings: TcfStrings = {
  intro:
    'Nós e nossos {n} parceiros armazenamos e/ou acessamos informações no seu dispositivo e tratamos dados pessoais, como identificadores únicos e dados de navegação, para as finalidades abaixo. Alguns parceiros se baseiam no legítimo interesse, ao qual você pode se opor. Você pode alterar suas escolhas a qualquer momento pelo link no rodapé da página.',
  partners: 'Ver nossos {n} parceiros',
  purposes: 'Finalidades',
  specialPurposes: 'Finalidades especiais (sem escolha: necessárias para o serviço funcionar)',
  features: 'Recursos',
  specialFeatures: 'Recursos especiais',
  stacks: 'Grupos de finalidades',
  vendors: 'Parceiros',
  consent: 'Consentimento',
  legitimateInterest: 'Legítimo interesse (desative para se opor)',
  retention: 'Guarda os dados por {n} dias',
  cookieAge: 'Cookies duram até {n} dias',
  dataCategories: 'Dados usados',
  googleProviders: 'Provedores de tecnologia de anúncios do Google',
  provider: 'Provedor {n}',
  back: 'Voltar',
};

export default strings;

import type { TcfStrings } from '../tcf-strings.ts';

const strings: TcfStrings = {
  intro:
    'Nós e os nossos {n} parceiros armazenamos e/ou acedemos a informações no seu dispositivo e tratamos dados pessoais, como identificadores únicos e dados de navegação, para as finalidades abaixo. Alguns parceiros baseiam-se no interesse legítimo, ao qual se pode opor. Pode alterar as suas escolhas a qualquer momento através da ligação no fundo da página.',
  partners: 'Ver os nossos {n} parceiros',
  purposes: 'Finalidades',
  specialPurposes: 'Finalidades especiais (sem escolha: necessárias ao serviço)',
  features: 'Funcionalidades',
  specialFeatures: 'Funcionalidades especiais',
  stacks: 'Grupos de finalidades',
  vendors: 'Parceiros',
  consent: 'Consentimento',
  legitimateInterest: 'Interesse legítimo (desligue para se opor)',
  retention: 'Conserva os dados {n} dias',
  cookieAge: 'Cookies até {n} dias',
  dataCategories: 'Dados utilizados',
  googleProviders: 'Fornecedores de tecnologia publicitária da Google',
  provider: 'Fornecedor {n}',
  back: 'Voltar',
};

export default strings;

import type { TcfStrings } from '../tcf-strings.ts';

const strings: TcfStrings = {
  intro:
    'Nosotros y nuestros {n} socios almacenamos y/o accedemos a información de su dispositivo y tratamos datos personales, como identificadores únicos y datos de navegación, para los fines indicados. Algunos socios se basan en el interés legítimo, al que puede oponerse. Puede cambiar sus opciones en cualquier momento desde el enlace al pie de la página.',
  partners: 'Ver nuestros {n} socios',
  purposes: 'Finalidades',
  specialPurposes: 'Finalidades especiales (sin elección: necesarias para el servicio)',
  features: 'Características',
  specialFeatures: 'Características especiales',
  stacks: 'Grupos de finalidades',
  vendors: 'Socios',
  consent: 'Consentimiento',
  legitimateInterest: 'Interés legítimo (desactívelo para oponerse)',
  retention: 'Conserva los datos {n} días',
  cookieAge: 'Cookies de hasta {n} días',
  dataCategories: 'Datos utilizados',
  googleProviders: 'Proveedores de tecnología publicitaria de Google',
  provider: 'Proveedor {n}',
  back: 'Volver',
};

export default strings;

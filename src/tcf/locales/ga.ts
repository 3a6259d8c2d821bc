import type { TcfStrings } from '../tcf-strings.ts';

const strings: TcfStrings = {
  intro:
    'Stórálaimid féin agus ár {n} comhpháirtí faisnéis ar do ghléas agus/nó faighimid rochtain uirthi, agus próiseálaimid sonraí pearsanta, amhail aitheantóirí uathúla agus sonraí brabhsála, chun na gcuspóirí thíos. Bíonn roinnt comhpháirtithe ag brath ar leas dlisteanach, agus is féidir leat agóid a dhéanamh ina choinne. Is féidir leat do roghanna a athrú am ar bith ón nasc ag bun an leathanaigh.',
  partners: 'Féach ar ár {n} comhpháirtí',
  purposes: 'Cuspóirí',
  specialPurposes: 'Cuspóirí speisialta (gan rogha: riachtanach chun an tseirbhís a reáchtáil)',
  features: 'Gnéithe',
  specialFeatures: 'Gnéithe speisialta',
  stacks: 'Grúpaí cuspóirí',
  vendors: 'Comhpháirtithe',
  consent: 'Toiliú',
  legitimateInterest: 'Leas dlisteanach (múch é chun agóid a dhéanamh)',
  retention: 'Coinníonn sé sonraí ar feadh {n} lá',
  cookieAge: 'Maireann fianáin suas le {n} lá',
  dataCategories: 'Sonraí a úsáidtear',
  googleProviders: 'Soláthraithe teicneolaíochta fógraíochta Google',
  provider: 'Soláthraí {n}',
  back: 'Siar',
};

export default strings;

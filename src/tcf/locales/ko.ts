import type { TcfStrings } from '../tcf-strings.ts';

const strings: TcfStrings = {
  intro:
    '당사와 {n}개 파트너사는 아래 목적을 위해 귀하의 기기에 정보를 저장하거나 기기의 정보에 접근하고, 고유 식별자와 탐색 데이터 등 개인정보를 처리합니다. 일부 파트너사는 정당한 이익에 근거해 처리하며, 귀하는 이에 이의를 제기할 수 있습니다. 선택 사항은 언제든지 페이지 하단의 링크에서 변경할 수 있습니다.',
  partners: '파트너사 {n}곳 보기',
  purposes: '목적',
  specialPurposes: '특수 목적(선택 불가: 서비스 운영에 필요)',
  features: '기능',
  specialFeatures: '특수 기능',
  stacks: '목적 그룹',
  vendors: '파트너사',
  consent: '동의',
  legitimateInterest: '정당한 이익(끄면 이의 제기)',
  retention: '데이터 보관 기간: {n}일',
  cookieAge: '쿠키 유효 기간: 최대 {n}일',
  dataCategories: '사용되는 데이터',
  googleProviders: 'Google 광고 기술 제공업체',
  provider: '제공업체 {n}',
  back: '뒤로',
};

export default strings;

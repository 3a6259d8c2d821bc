import type { UiStrings } from '../ui-strings.ts';

export default {
  notice: {
    title: '개인정보 보호',
    description:
      '당사는 쿠키 및 유사 기술을 사용합니다. 일부는 사이트 운영에 필요하며, 나머지는 동의하신 경우에만 사용합니다.',
    acceptAll: '모두 허용',
    rejectAll: '모두 거부',
    customize: '선택하기',
    save: '선택 저장',
    alwaysOn: '항상 사용',
    privacyPolicy: '개인정보 처리방침',
  },
  preferences: {
    title: '개인정보 설정',
    intro: '허용할 항목을 선택하세요. 언제든지 여기에서 선택을 변경하거나 철회할 수 있습니다.',
    close: '닫기',
    readMore: '자세히 보기',
    fullText: '전문',
    categories: {
      privacy_setting: '쿠키 및 추적',
      communication: '알림 메시지',
      disclosure: '정책',
      custom: '기타',
    },
    states: {
      accepted: '허용됨',
      implied: '허용됨(묵시적)',
      declined: '허용 안 됨',
      viewed: '확인함',
      none: '아직 선택 안 함',
    },
    given: '시작',
    expires: '종료',
    receipt: '내 동의 영수증 보기',
  },
  allDevices: '선택 사항은 사용자의 모든 기기에 적용됩니다.',
  floatingButton: '개인정보 설정 열기',
  gate: {
    content: '이 콘텐츠',
    text: '{content}은(는) {consent}에 동의한 경우에만 로드됩니다.',
    allow: '{consent} 허용 후 로드',
  },
  usPrivacy: {
    signalHonoured: '옵트아웃 신호가 존중되었습니다',
    doNotSellOrShare: '내 개인정보를 판매하거나 공유하지 마세요',
    optOut: '판매 및 맞춤형 광고 거부',
    noticeAtCollection:
      '이 사이트를 이용할 때 여기에 나열된 목적으로 식별자, 기기 및 브라우징 데이터를 수집합니다. 무엇을, 왜, 얼마나 오래 보관하는지는 개인정보 처리방침에 나와 있습니다.',
  },
} satisfies UiStrings;

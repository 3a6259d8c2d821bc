import type { UiStrings } from '../built-in-locales.ts';

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
  request: {
    link: '내 데이터에 대한 권리',
    title: '내 데이터에 관한 요청',
    intro:
      '보유 중인 내 데이터의 열람, 사본, 정정, 삭제 또는 판매·공유 중단을 요청할 수 있습니다. 먼저 이메일을 확인합니다.',
    kind: '무엇을 원하시나요?',
    kinds: {
      access: '보유 중인 내 데이터 보기',
      export: '내 데이터 사본 받기',
      correct: '내 데이터 정정하기',
      delete: '내 데이터 삭제하기',
      opt_out: '내 데이터 판매 또는 공유 중단하기',
    },
    email: '이메일',
    send: '요청 보내기',
    codeSent: '이메일로 6자리 코드를 보냈습니다. 코드를 입력해 요청을 확인하세요.',
    code: '코드',
    confirm: '확인',
    done: '요청이 확인되었습니다. {date}까지 답변드리겠습니다.',
    badEmail: '올바른 이메일 주소를 입력하세요.',
    badCode: '보내 드린 코드가 아닙니다.',
    failed: '요청을 보내지 못했습니다. 나중에 다시 시도하세요.',
  },
} satisfies UiStrings;

import type { UiStrings } from '../built-in-locales.ts';

export default {
  notice: {
    title: '您的隐私',
    description: '我们使用 Cookie 及类似技术。部分为网站运行所必需，其余仅在您同意后使用。',
    acceptAll: '全部接受',
    rejectAll: '全部拒绝',
    customize: '自行选择',
    save: '保存选择',
    alwaysOn: '始终启用',
    privacyPolicy: '隐私政策',
  },
  preferences: {
    title: '隐私偏好设置',
    intro: '选择您允许的内容。您可以随时在此更改或撤回任何选择。',
    close: '关闭',
    readMore: '了解更多',
    fullText: '全文',
    categories: {
      privacy_setting: 'Cookie 与跟踪',
      communication: '发给您的消息',
      disclosure: '政策',
      custom: '其他',
    },
    states: {
      accepted: '已允许',
      implied: '已允许（默示）',
      declined: '不允许',
      viewed: '已查看',
      none: '尚未选择',
    },
    given: '自',
    expires: '至',
    receipt: '查看我的同意回执',
  },
  allDevices: '您的选择适用于您的所有设备。',
  floatingButton: '打开隐私偏好设置',
  gate: {
    content: '此内容',
    text: '{content}仅在您同意{consent}后加载。',
    allow: '允许{consent}并加载',
  },
  usPrivacy: {
    signalHonoured: '已遵从选择退出偏好信号',
    doNotSellOrShare: '请勿出售或共享我的个人信息',
    optOut: '选择退出出售和定向广告',
    noticeAtCollection:
      '您使用本网站时，我们会为此处列出的目的收集标识符、设备和浏览数据。隐私政策说明我们收集什么、为何收集以及保存多久。',
  },
  request: {
    link: '您的数据权利',
    title: '关于您数据的请求',
    intro:
      '您可以询问我们持有您的哪些数据，要求获取副本、更正或删除，或要求我们停止出售或共享这些数据。我们会先验证您的电子邮箱。',
    kind: '您想做什么？',
    kinds: {
      access: '查看你们持有的关于我的数据',
      export: '获取我的数据副本',
      correct: '更正我的数据',
      delete: '删除我的数据',
      opt_out: '停止出售或共享我的数据',
    },
    email: '您的电子邮箱',
    send: '发送请求',
    codeSent: '我们已向您的邮箱发送了 6 位验证码。请输入验证码以确认请求。',
    code: '验证码',
    confirm: '确认',
    done: '您的请求已确认。我们将在 {date} 前答复。',
    badEmail: '请输入有效的电子邮箱地址。',
    badCode: '这不是我们发送的验证码。',
    failed: '请求未能发送，请稍后再试。',
  },
} satisfies UiStrings;

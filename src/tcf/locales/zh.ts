import type { TcfStrings } from '../tcf-strings.ts';

const strings: TcfStrings = {
  intro:
    '我们和我们的 {n} 家合作伙伴会为以下目的在您的设备上存储和/或访问信息，并处理个人数据，例如唯一标识符和浏览数据。部分合作伙伴以正当利益为依据进行处理，您可以对此提出反对。您可以随时通过页面底部的链接更改您的选择。',
  partners: '查看我们的 {n} 家合作伙伴',
  purposes: '目的',
  specialPurposes: '特殊目的（无需选择：为运行服务所必需）',
  features: '功能',
  specialFeatures: '特殊功能',
  stacks: '目的组',
  vendors: '合作伙伴',
  consent: '同意',
  legitimateInterest: '正当利益（关闭即表示反对）',
  retention: '数据保留 {n} 天',
  cookieAge: 'Cookie 最长保留 {n} 天',
  dataCategories: '使用的数据',
  googleProviders: 'Google 广告技术提供商',
  provider: '提供商 {n}',
  back: '返回',
};

export default strings;

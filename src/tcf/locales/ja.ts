import type { TcfStrings } from '../tcf-strings.ts';

const strings: TcfStrings = {
  intro:
    '当社および {n} 社のパートナーは、以下の目的のために、お客様の端末に情報を保存または端末上の情報にアクセスし、一意の識別子や閲覧データなどの個人データを処理します。一部のパートナーは正当な利益に基づいて処理を行っており、お客様はこれに異議を申し立てることができます。選択内容は、ページ下部のリンクからいつでも変更できます。',
  partners: '{n} 社のパートナーを見る',
  purposes: '目的',
  specialPurposes: '特別な目的（選択不可：サービスの提供に必要）',
  features: '機能',
  specialFeatures: '特別な機能',
  stacks: '目的のグループ',
  vendors: 'パートナー',
  consent: '同意',
  legitimateInterest: '正当な利益（オフにすると異議を申し立てます）',
  retention: 'データ保存期間：{n} 日',
  cookieAge: 'Cookie の有効期間：最長 {n} 日',
  dataCategories: '使用するデータ',
  googleProviders: 'Google の広告技術プロバイダ',
  provider: 'プロバイダ {n}',
  back: '戻る',
};

export default strings;

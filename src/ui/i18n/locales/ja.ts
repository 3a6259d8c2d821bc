import type { UiStrings } from '../built-in-locales.ts';

export default {
  notice: {
    title: 'プライバシーについて',
    description:
      '当サイトでは Cookie および類似の技術を使用しています。一部はサイトの動作に必要で、その他はお客様の同意がある場合のみ使用します。',
    acceptAll: 'すべて同意',
    rejectAll: 'すべて拒否',
    customize: '選択する',
    save: '選択を保存',
    alwaysOn: '常に有効',
    privacyPolicy: 'プライバシーポリシー',
  },
  preferences: {
    title: 'プライバシー設定',
    intro: '許可する項目を選んでください。選択はいつでもここで変更・撤回できます。',
    close: '閉じる',
    readMore: '詳細',
    fullText: '全文',
    categories: {
      privacy_setting: 'Cookie とトラッキング',
      communication: 'お知らせ',
      disclosure: 'ポリシー',
      custom: 'その他',
    },
    states: {
      accepted: '許可',
      implied: '許可（黙示）',
      declined: '不許可',
      viewed: '表示済み',
      none: '未選択',
    },
    given: '開始',
    expires: '期限',
    receipt: '同意の控えを表示',
  },
  allDevices: 'この選択は、お使いのすべてのデバイスに適用されます。',
  floatingButton: 'プライバシー設定を開く',
  gate: {
    content: 'このコンテンツ',
    text: '{content}は、{consent}に同意した場合にのみ読み込まれます。',
    allow: '{consent}を許可して読み込む',
  },
  usPrivacy: {
    signalHonoured: 'オプトアウトの意思表示シグナルを尊重しました',
    doNotSellOrShare: '私の個人情報を販売・共有しない',
    optOut: '販売とターゲティング広告をオプトアウト',
    noticeAtCollection:
      '本サイトのご利用時に、ここに記載の目的で識別子、端末および閲覧データを収集します。収集する内容、その理由、保存期間はプライバシーポリシーに記載しています。',
  },
  request: {
    link: 'データに関するあなたの権利',
    title: 'あなたのデータに関するリクエスト',
    intro:
      '保有しているあなたのデータの確認、コピー、訂正、削除、または販売・共有の停止をリクエストできます。最初にメールアドレスを確認します。',
    kind: 'ご希望の内容',
    kinds: {
      access: '保有されている私のデータを確認する',
      export: '私のデータのコピーを受け取る',
      correct: '私のデータを訂正する',
      delete: '私のデータを削除する',
      opt_out: '私のデータの販売・共有を停止する',
    },
    email: 'メールアドレス',
    send: 'リクエストを送信',
    codeSent: '6桁のコードをメールで送信しました。入力してリクエストを確定してください。',
    code: 'コード',
    confirm: '確定',
    done: 'リクエストを受け付けました。{date}までに回答します。',
    badEmail: '有効なメールアドレスを入力してください。',
    badCode: '送信したコードと一致しません。',
    failed: 'リクエストを送信できませんでした。後でもう一度お試しください。',
  },
} satisfies UiStrings;

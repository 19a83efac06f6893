/**
 * What the demo brand's customers write, per language: products, names and one subject and
 * message per kind of issue. `demoTasks.ts` combines them; nothing here is random.
 */
export const demoLanguages = ['en', 'es', 'de', 'ja', 'ar'] as const;
export type DemoLanguage = (typeof demoLanguages)[number];

/** Share of the feed written in each language (weights, not percentages). */
export const languageWeights: Record<DemoLanguage, number> = { en: 8, es: 4, de: 4, ja: 2, ar: 2 };

type PerLanguage<T> = Record<DemoLanguage, T>;

export interface DemoProduct {
  sku: string;
  price: string;
  /** How a customer names it in each language. */
  name: PerLanguage<string>;
}

export const demoProducts: DemoProduct[] = [
  product(
    'TV2',
    '€449',
    'Trollvind 2 tent',
    'la tienda Trollvind 2',
    'das Zelt Trollvind 2',
    'テント「トロルヴィンド2」',
    'خيمة ترولفيند 2',
  ),
  product(
    'NK4',
    '€789',
    'Nordkapp 4 tunnel tent',
    'la tienda túnel Nordkapp 4',
    'das Tunnelzelt Nordkapp 4',
    'トンネルテント「ノールカップ4」',
    'خيمة نوردكاب 4',
  ),
  product(
    'SKJ',
    '€329',
    'Skarven shell jacket',
    'la chaqueta Skarven',
    'die Hardshelljacke Skarven',
    'シェルジャケット「スカルヴェン」',
    'سترة سكارفن',
  ),
  product(
    'BRI',
    '€259',
    'Brising insulated jacket',
    'la chaqueta aislante Brising',
    'die Isolationsjacke Brising',
    '中綿ジャケット「ブリシング」',
    'سترة بريسينغ المعزولة',
  ),
  product(
    'D80',
    '€369',
    'Dun 800 down jacket',
    'el plumífero Dun 800',
    'die Daunenjacke Dun 800',
    'ダウンジャケット「ドゥン800」',
    'سترة الريش دون 800',
  ),
  product(
    'FGB',
    '€219',
    'Fjellsko GTX hiking boots',
    'las botas Fjellsko GTX',
    'die Wanderschuhe Fjellsko GTX',
    '登山靴「フィエルスコGTX」',
    'حذاء المشي فيلسكو',
  ),
  product(
    'STL',
    '€149',
    'Stiløper trail shoes',
    'las zapatillas Stiløper',
    'die Trailschuhe Stiløper',
    'トレイルシューズ「スティローパー」',
    'حذاء الجري ستيلوبر',
  ),
  product(
    'VD10',
    '€299',
    'Vinterdvale -10 sleeping bag',
    'el saco de dormir Vinterdvale -10',
    'der Schlafsack Vinterdvale -10',
    '寝袋「ヴィンテルドヴァーレ-10」',
    'كيس النوم فينتردفالي',
  ),
  product(
    'B45',
    '€189',
    'Bresti 45 backpack',
    'la mochila Bresti 45',
    'der Rucksack Bresti 45',
    'バックパック「ブレスティ45」',
    'حقيبة الظهر بريستي 45',
  ),
  product(
    'B65',
    '€239',
    'Bresti 65 backpack',
    'la mochila Bresti 65',
    'der Rucksack Bresti 65',
    'バックパック「ブレスティ65」',
    'حقيبة الظهر بريستي 65',
  ),
  product(
    'GLD',
    '€69',
    'Glød headlamp',
    'la linterna frontal Glød',
    'die Stirnlampe Glød',
    'ヘッドランプ「グロード」',
    'مصباح الرأس غلود',
  ),
  product(
    'BAL',
    '€89',
    'Bål gas stove',
    'el hornillo Bål',
    'der Gaskocher Bål',
    'ガスストーブ「ボール」',
    'موقد الغاز بول',
  ),
  product(
    'VGW',
    '€349',
    'Varde GPS watch',
    'el reloj GPS Varde',
    'die GPS-Uhr Varde',
    'GPSウォッチ「ヴァルデ」',
    'ساعة فاردي GPS',
  ),
];

function product(sku: string, price: string, ...names: string[]): DemoProduct {
  const [en, es, de, ja, ar] = names as [string, string, string, string, string];
  return { sku, price, name: { en, es, de, ja, ar } };
}

export const demoNames: PerLanguage<{ first: string[]; last: string[] }> = {
  en: {
    first: [
      'Emma',
      'Liam',
      'Chloe',
      'Noah',
      'Grace',
      'Oliver',
      'Maya',
      'Ethan',
      'Ruby',
      'Jack',
      'Isla',
      'Owen',
    ],
    last: [
      'Murphy',
      'Walsh',
      'Clarke',
      'Bennett',
      'Hughes',
      'Fraser',
      'Doyle',
      'Palmer',
      'Reid',
      'Foster',
    ],
  },
  es: {
    first: [
      'Lucía',
      'Mateo',
      'Carmen',
      'Javier',
      'Sofía',
      'Diego',
      'Elena',
      'Pablo',
      'Marta',
      'Andrés',
    ],
    last: [
      'García',
      'Fernández',
      'López',
      'Martín',
      'Navarro',
      'Ruiz',
      'Ortega',
      'Castillo',
      'Vidal',
    ],
  },
  de: {
    first: [
      'Jonas',
      'Leonie',
      'Lukas',
      'Hanna',
      'Felix',
      'Marie',
      'Paul',
      'Clara',
      'Jan',
      'Sophie',
    ],
    last: ['Schneider', 'Weber', 'Fischer', 'Becker', 'Hoffmann', 'Keller', 'Wagner', 'Brandt'],
  },
  ja: {
    first: ['美咲', '翔太', '陽菜', '大翔', '結衣', '蓮', '葵', '悠斗'],
    last: ['佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '山本', '中村'],
  },
  ar: {
    first: ['ليلى', 'عمر', 'نور', 'يوسف', 'سارة', 'خالد', 'مريم', 'كريم'],
    last: ['حداد', 'الخطيب', 'منصور', 'العلي', 'سليمان', 'ناصر', 'عيسى', 'فارس'],
  },
};

/** The facts a message is written from; `p` is the product's name in the message's language. */
export interface MessageFacts {
  p: string;
  /** `p` without its article, capitalized: for titles and parentheses (es and de carry one). */
  P: string;
  /** German: `p` in the accusative (der → den); other languages: `p`. */
  pAcc: string;
  price: string;
  order: string;
  weeks: number;
  carrier: string;
  phone: string;
  email: string;
  iban: string;
  card4: string;
  /** The customer's full name, as written in the language (family name first in Japanese). */
  name: string;
}

export interface IssueKind {
  key: string;
  skills: string[];
  complexity: 1 | 2 | 3 | 4 | 5;
  /** Who may see it: personal data the brand marks sensitive needs tier 1. */
  minTier?: number;
  text: PerLanguage<{ subject: (f: MessageFacts) => string; body: (f: MessageFacts) => string }>;
}

export const issueKinds: IssueKind[] = [
  {
    key: 'where',
    skills: ['shipping'],
    complexity: 1,
    text: {
      en: {
        subject: (f) => `Still waiting for my ${f.p}`,
        body: (f) =>
          `Hi, I ordered the ${f.p} (order ${f.order}) and the ${f.carrier} tracking hasn't moved for four days. I'm leaving on a trip next weekend and really need it before then. Can you find out what's going on?`,
      },
      es: {
        subject: (f) => `¿Dónde está ${f.p}? Pedido ${f.order}`,
        body: (f) =>
          `Hola, hice el pedido ${f.order} (${f.p}) y el seguimiento de ${f.carrier} no se ha movido en cuatro días. Me voy de viaje el próximo fin de semana y lo necesito antes. ¿Podéis averiguar qué pasa?`,
      },
      de: {
        subject: (f) => `Wo bleibt meine Bestellung ${f.order}? (${f.P})`,
        body: (f) =>
          `Hallo, ich habe ${f.pAcc} bestellt (Bestellung ${f.order}), aber die Sendungsverfolgung von ${f.carrier} zeigt seit vier Tagen nichts Neues. Ich fahre nächstes Wochenende in die Berge und brauche die Sachen vorher. Können Sie nachsehen?`,
      },
      ja: {
        subject: (f) => `${f.p}がまだ届きません`,
        body: (f) =>
          `こんにちは。${f.p}を注文しました（注文番号 ${f.order}）が、${f.carrier}の追跡情報が4日間更新されていません。来週末に山へ行くので、それまでに必要です。状況を確認していただけますか。`,
      },
      ar: {
        subject: (f) => `أين طلبي: ${f.p}؟`,
        body: (f) =>
          `مرحبًا، طلبت ${f.p} (رقم الطلب ${f.order}) ولم يتغير تتبع الشحنة لدى ${f.carrier} منذ أربعة أيام. سأسافر في عطلة نهاية الأسبوع القادمة وأحتاجه قبل ذلك. هل يمكنكم معرفة ما يحدث؟`,
      },
    },
  },
  {
    key: 'not-received',
    skills: ['shipping'],
    complexity: 2,
    text: {
      en: {
        subject: (f) => `${f.p} marked delivered but never arrived`,
        body: (f) =>
          `${f.carrier} says my parcel with the ${f.p} was delivered yesterday afternoon, but nothing came. I asked the neighbours and checked the parcel room. Order ${f.order}. You can call me on ${f.phone} if that's easier.`,
      },
      es: {
        subject: (f) => `${f.P}: figura como entregado, pero no ha llegado`,
        body: (f) =>
          `${f.carrier} dice que el paquete con ${f.p} se entregó ayer por la tarde, pero no ha llegado nada. He preguntado a los vecinos y al conserje. Pedido ${f.order}. Si os resulta más fácil, llamadme al ${f.phone}.`,
      },
      de: {
        subject: (f) => `${f.P}: als zugestellt markiert, aber nicht angekommen`,
        body: (f) =>
          `Laut ${f.carrier} wurde mein Paket (${f.P}) gestern Nachmittag zugestellt, aber hier ist nichts angekommen. Die Nachbarn haben auch nichts. Bestellung ${f.order}. Sie erreichen mich unter ${f.phone}.`,
      },
      ja: {
        subject: (f) => `${f.p}が「配達済み」なのに届いていません`,
        body: (f) =>
          `${f.carrier}では昨日の午後に${f.p}の荷物が配達済みになっていますが、受け取っていません。近所の方や宅配ボックスも確認しました。注文番号は${f.order}です。お電話の場合は${f.phone}までお願いします。`,
      },
      ar: {
        subject: (f) => `${f.p}: مسجل كمُسلَّم لكنه لم يصل`,
        body: (f) =>
          `تقول ${f.carrier} إن الطرد الذي فيه ${f.p} سُلِّم أمس بعد الظهر، لكن لم يصلني شيء. سألت الجيران وتحققت من غرفة الطرود. رقم الطلب ${f.order}. يمكنكم الاتصال بي على ${f.phone}.`,
      },
    },
  },
  {
    key: 'size',
    skills: ['returns'],
    complexity: 1,
    text: {
      en: {
        subject: (f) => `Exchange the ${f.p} for a bigger size`,
        body: (f) =>
          `The ${f.p} is too small for me, it's tight even without a mid-layer. Could I exchange it for one size up instead of getting a refund? Order ${f.order}, never worn outside, tags still on.`,
      },
      es: {
        subject: (f) => `Cambio de talla: ${f.p}`,
        body: (f) =>
          `${f.P}: me queda pequeño, incluso sin capa intermedia. ¿Puedo cambiarlo por una talla más en lugar de pedir el reembolso? Pedido ${f.order}, sin estrenar y con las etiquetas puestas.`,
      },
      de: {
        subject: (f) => `Umtausch: ${f.P} eine Nummer größer`,
        body: (f) =>
          `Ich habe ${f.pAcc} bestellt, aber die Größe ist mir zu klein, selbst ohne Zwischenschicht. Kann ich eine Nummer größer bekommen, statt alles zurückzuschicken? Bestellung ${f.order}, ungetragen, Etiketten noch dran.`,
      },
      ja: {
        subject: (f) => `${f.p}をワンサイズ大きいものに交換したい`,
        body: (f) =>
          `${f.p}が小さすぎました。中間着なしでもきついです。返金ではなく、ワンサイズ上のものに交換できますか。注文番号${f.order}、屋外では未使用でタグも付いています。`,
      },
      ar: {
        subject: (f) => `استبدال ${f.p} بمقاس أكبر`,
        body: (f) =>
          `${f.p} صغير عليّ، ضيق حتى من دون طبقة وسطى. هل يمكنني استبداله بمقاس أكبر بدلًا من استرداد المبلغ؟ رقم الطلب ${f.order}، لم أستخدمه في الخارج والبطاقات ما زالت عليه.`,
      },
    },
  },
  {
    key: 'refund',
    skills: ['returns', 'billing'],
    complexity: 2,
    text: {
      en: {
        subject: (f) => `Refund for the ${f.p} still missing`,
        body: (f) =>
          `I sent the ${f.p} back three weeks ago and the return was scanned at your warehouse, but the ${f.price} hasn't reached my card ending ${f.card4}. My card has since been replaced, so you can also use my IBAN ${f.iban}. Order ${f.order}.`,
      },
      es: {
        subject: (f) => `Reembolso pendiente: ${f.p}`,
        body: (f) =>
          `Devolví ${f.p} hace tres semanas y el almacén confirmó la recepción, pero los ${f.price} no han llegado a mi tarjeta terminada en ${f.card4}. Me cambiaron la tarjeta, así que podéis usar mi IBAN ${f.iban}. Pedido ${f.order}.`,
      },
      de: {
        subject: (f) => `Erstattung fehlt noch: ${f.P}`,
        body: (f) =>
          `Ich habe ${f.pAcc} vor drei Wochen zurückgeschickt, der Eingang wurde bestätigt, aber die ${f.price} sind nicht auf meiner Karte mit Endziffern ${f.card4} angekommen. Die Karte wurde inzwischen ersetzt; gern auch per Überweisung an ${f.iban}. Bestellung ${f.order}.`,
      },
      ja: {
        subject: (f) => `${f.p}の返金がまだありません`,
        body: (f) =>
          `3週間前に${f.p}を返品し、倉庫で受領されましたが、${f.price}が末尾${f.card4}のカードに返金されていません。カードは再発行されたので、口座（${f.iban}）への振込でも構いません。注文番号${f.order}。`,
      },
      ar: {
        subject: (f) => `لم يصلني بعد استرداد ثمن ${f.p}`,
        body: (f) =>
          `أعدت ${f.p} قبل ثلاثة أسابيع واستلمه المستودع، لكن مبلغ ${f.price} لم يصل إلى بطاقتي المنتهية بـ ${f.card4}. تم استبدال البطاقة، فيمكنكم التحويل إلى الآيبان ${f.iban}. رقم الطلب ${f.order}.`,
      },
    },
  },
  {
    key: 'charged-twice',
    skills: ['billing'],
    complexity: 2,
    text: {
      en: {
        subject: (f) => `Charged twice for order ${f.order}`,
        body: (f) =>
          `My bank statement shows two charges of ${f.price} for the ${f.p}, but I only ordered once. Please refund the duplicate — it really hurts this month.`,
      },
      es: {
        subject: (f) => `Cobro doble en el pedido ${f.order}`,
        body: (f) =>
          `En mi extracto aparecen dos cargos de ${f.price} (${f.p}), pero solo hice un pedido. Por favor, devolvedme el cargo duplicado, este mes me viene fatal.`,
      },
      de: {
        subject: (f) => `Bestellung ${f.order} doppelt abgebucht`,
        body: (f) =>
          `Auf meinem Kontoauszug stehen zwei Abbuchungen über ${f.price} (${f.P}), ich habe aber nur einmal bestellt. Bitte erstatten Sie die doppelte Buchung.`,
      },
      ja: {
        subject: (f) => `注文${f.order}で二重に請求されました`,
        body: (f) =>
          `${f.p}の代金${f.price}が明細に2回計上されています。注文は1回だけです。重複分を返金してください。`,
      },
      ar: {
        subject: (f) => `خُصم المبلغ مرتين للطلب ${f.order}`,
        body: (f) =>
          `يظهر في كشف حسابي خصمان بقيمة ${f.price} مقابل ${f.p}، مع أنني طلبت مرة واحدة فقط. أرجو رد المبلغ المكرر.`,
      },
    },
  },
  {
    key: 'defect',
    skills: ['warranty', 'technical'],
    complexity: 3,
    text: {
      en: {
        subject: (f) => `${f.p} failed after ${f.weeks} weeks — warranty?`,
        body: (f) =>
          `After only ${f.weeks} weeks of normal use the ${f.p} has a seam coming apart and the zip no longer closes. I've looked after it as the care guide says. Is this covered by the warranty? I can send photos.`,
      },
      es: {
        subject: (f) => `${f.P}: roto tras ${f.weeks} semanas, ¿garantía?`,
        body: (f) =>
          `Tras solo ${f.weeks} semanas de uso normal, ${f.p} tiene una costura abierta y la cremallera ya no cierra. He seguido las instrucciones de cuidado. ¿Lo cubre la garantía? Puedo mandar fotos.`,
      },
      de: {
        subject: (f) => `${f.P} nach ${f.weeks} Wochen defekt – Garantie?`,
        body: (f) =>
          `Nach nur ${f.weeks} Wochen normaler Nutzung: ${f.P} – eine Naht löst sich und der Reißverschluss schließt nicht mehr. Ich habe mich an die Pflegeanleitung gehalten. Ist das ein Garantiefall? Fotos kann ich schicken.`,
      },
      ja: {
        subject: (f) => `${f.p}が${f.weeks}週間で壊れました（保証について）`,
        body: (f) =>
          `普通に使って${f.weeks}週間ほどで、${f.p}の縫い目がほつれ、ファスナーも閉まらなくなりました。お手入れは説明書どおりにしています。保証の対象になりますか。写真を送れます。`,
      },
      ar: {
        subject: (f) => `تعطل ${f.p} بعد ${f.weeks} أسابيع، هل يشمله الضمان؟`,
        body: (f) =>
          `بعد ${f.weeks} أسابيع فقط من الاستخدام العادي بدأت خياطة ${f.p} تنفتح ولم يعد السحاب يُغلق. اتبعت تعليمات العناية. هل يشمل الضمان ذلك؟ يمكنني إرسال صور.`,
      },
    },
  },
  {
    key: 'care',
    skills: ['technical'],
    complexity: 1,
    text: {
      en: {
        subject: (f) => `How do I wash my ${f.p}?`,
        body: (f) =>
          `Water doesn't bead on my ${f.p} any more and it's getting a bit smelly after a long trip. Can I put it in the washing machine, and what should I use so it stays waterproof?`,
      },
      es: {
        subject: (f) => `¿Cómo se lava ${f.p}?`,
        body: (f) =>
          `El agua ya no resbala por ${f.p} y después de un viaje largo huele un poco. ¿Se puede meter en la lavadora? ¿Qué producto uso para que siga siendo impermeable?`,
      },
      de: {
        subject: (f) => `Wie wasche ich ${f.pAcc}?`,
        body: (f) =>
          `Das Wasser perlt nicht mehr ab (${f.P}), und nach der letzten Tour riecht alles etwas. Darf das in die Waschmaschine, und womit bleibt es wasserdicht?`,
      },
      ja: {
        subject: (f) => `${f.p}の洗い方を教えてください`,
        body: (f) =>
          `${f.p}が水をはじかなくなり、長い山行のあとで少しにおいます。洗濯機で洗えますか。防水性を保つには何を使えばいいですか。`,
      },
      ar: {
        subject: (f) => `كيف أغسل ${f.p}؟`,
        body: (f) =>
          `لم يعد الماء ينزلق عن ${f.p} وصارت له رائحة بعد رحلة طويلة. هل يمكن غسله في الغسالة؟ وما الذي أستخدمه ليبقى مقاومًا للماء؟`,
      },
    },
  },
  {
    key: 'login',
    skills: ['account'],
    complexity: 1,
    text: {
      en: {
        subject: (f) => `Can't log in to check order ${f.order}`,
        body: (f) =>
          `I've asked for a password reset three times but the email never arrives, not even in spam. My account is ${f.email}. I want to check the order for my ${f.p}.`,
      },
      es: {
        subject: (f) => `No puedo entrar para ver el pedido ${f.order}`,
        body: (f) =>
          `He pedido restablecer la contraseña tres veces y el correo nunca llega, ni en spam. Mi cuenta es ${f.email}. Quiero revisar el pedido (${f.p}).`,
      },
      de: {
        subject: (f) => `Login geht nicht – Bestellung ${f.order} prüfen`,
        body: (f) =>
          `Ich habe dreimal ein neues Passwort angefordert, aber die E-Mail kommt nie an, auch nicht im Spam. Mein Konto: ${f.email}. Ich möchte die Bestellung ansehen (${f.P}).`,
      },
      ja: {
        subject: (f) => `ログインできず注文${f.order}を確認できません`,
        body: (f) =>
          `パスワード再設定を3回申請しましたが、メールが届きません（迷惑メールにもありません）。アカウントは${f.email}です。${f.p}の注文を確認したいです。`,
      },
      ar: {
        subject: (f) => `لا أستطيع تسجيل الدخول لمتابعة الطلب ${f.order}`,
        body: (f) =>
          `طلبت إعادة تعيين كلمة المرور ثلاث مرات لكن الرسالة لا تصل، ولا حتى في البريد المزعج. حسابي ${f.email}. أريد متابعة طلب ${f.p}.`,
      },
    },
  },
  {
    key: 'address',
    skills: ['orders', 'shipping'],
    complexity: 2,
    text: {
      en: {
        subject: (f) => `Change the delivery address for order ${f.order}`,
        body: (f) =>
          `I just ordered the ${f.p} and noticed it's going to my old flat. Could you send it to my office instead? If it has already shipped, can ${f.carrier} redirect it?`,
      },
      es: {
        subject: (f) => `Cambiar la dirección de entrega del pedido ${f.order}`,
        body: (f) =>
          `Acabo de pedir ${f.p} y el envío va a mi antiguo piso. ¿Podéis mandarlo a mi oficina? Si ya ha salido, ¿puede ${f.carrier} redirigir el paquete?`,
      },
      de: {
        subject: (f) => `Lieferadresse für Bestellung ${f.order} ändern`,
        body: (f) =>
          `Ich habe gerade ${f.pAcc} bestellt und gesehen, dass das Paket an meine alte Wohnung geht. Können Sie es an mein Büro schicken? Falls es schon unterwegs ist: Kann ${f.carrier} es umleiten?`,
      },
      ja: {
        subject: (f) => `注文${f.order}の配送先を変更したい`,
        body: (f) =>
          `${f.p}を注文したばかりですが、配送先が以前の住所になっていました。勤務先に変更できますか。すでに発送済みなら、${f.carrier}で転送できますか。`,
      },
      ar: {
        subject: (f) => `تغيير عنوان التوصيل للطلب ${f.order}`,
        body: (f) =>
          `طلبت للتو ${f.p} ولاحظت أنه سيُرسل إلى شقتي القديمة. هل يمكن إرساله إلى مكتبي؟ وإن كان قد شُحن، هل تستطيع ${f.carrier} تحويله؟`,
      },
    },
  },
  {
    key: 'stock',
    skills: ['orders'],
    complexity: 1,
    text: {
      en: {
        subject: (f) => `When is the ${f.p} back in stock?`,
        body: (f) =>
          `The ${f.p} has been sold out in my size for weeks. Do you know when it's coming back, and can I pre-order it?`,
      },
      es: {
        subject: (f) => `¿Cuándo vuelve a estar disponible ${f.p}?`,
        body: (f) =>
          `${f.P} lleva semanas sin stock en mi talla. ¿Sabéis cuándo vuelve y si se puede reservar?`,
      },
      de: {
        subject: (f) => `Wann ist ${f.p} wieder lieferbar?`,
        body: (f) =>
          `${f.P} ist seit Wochen in meiner Größe ausverkauft. Wissen Sie, wann Nachschub kommt, und kann ich vorbestellen?`,
      },
      ja: {
        subject: (f) => `${f.p}の再入荷はいつですか`,
        body: (f) =>
          `${f.p}が何週間も私のサイズで売り切れています。再入荷の予定と、予約ができるか教えてください。`,
      },
      ar: {
        subject: (f) => `متى يتوفر ${f.p} من جديد؟`,
        body: (f) =>
          `${f.p} غير متوفر بمقاسي منذ أسابيع. هل تعرفون متى يعود، وهل يمكنني حجزه مسبقًا؟`,
      },
    },
  },
  {
    key: 'safety',
    skills: ['technical', 'warranty'],
    complexity: 5,
    minTier: 1,
    text: {
      en: {
        subject: (f) => `Safety problem with my ${f.p}`,
        body: (f) =>
          `Something is seriously wrong with my ${f.p}: it got very hot and smelled of burning while I was using it. I stopped straight away. I'm worried about using it again. Please call me: ${f.phone}.`,
      },
      es: {
        subject: (f) => `Problema de seguridad: ${f.p}`,
        body: (f) =>
          `Algo va muy mal con ${f.p}: se calentó muchísimo y olía a quemado mientras lo usaba. Paré enseguida y me da miedo volver a usarlo. Llamadme, por favor: ${f.phone}.`,
      },
      de: {
        subject: (f) => `Sicherheitsproblem: ${f.P}`,
        body: (f) =>
          `${f.P} wurde beim Benutzen sehr heiß und roch verbrannt. Ich habe sofort aufgehört und traue mich nicht, es wieder zu benutzen. Bitte rufen Sie mich an: ${f.phone}.`,
      },
      ja: {
        subject: (f) => `${f.p}の安全性について`,
        body: (f) =>
          `使用中に${f.p}がとても熱くなり、焦げたようなにおいがしました。すぐに使用をやめましたが、もう一度使うのが不安です。お電話ください：${f.phone}。`,
      },
      ar: {
        subject: (f) => `مشكلة أمان في ${f.p}`,
        body: (f) =>
          `هناك خلل خطير في ${f.p}: سخن كثيرًا وشممت رائحة احتراق أثناء الاستخدام. أوقفته فورًا وأخشى استخدامه مجددًا. أرجو الاتصال بي: ${f.phone}.`,
      },
    },
  },
];

/** A customer's second message, sent a while after the first. */
export const followUps: PerLanguage<string[]> = {
  en: [
    "Any update on this? I still haven't heard back.",
    "I forgot to say: I'd prefer an email reply rather than a call.",
    'Thanks in advance, I really like your products otherwise!',
  ],
  es: [
    '¿Hay alguna novedad? Todavía no sé nada.',
    'Se me olvidó decir que prefiero respuesta por correo.',
    '¡Gracias de antemano, por lo demás me encantan vuestros productos!',
  ],
  de: [
    'Gibt es schon etwas Neues? Ich habe noch keine Antwort.',
    'Ach ja: Eine Antwort per E-Mail wäre mir lieber als ein Anruf.',
    'Danke im Voraus, sonst bin ich mit Ihren Produkten sehr zufrieden!',
  ],
  ja: [
    'その後いかがでしょうか。まだ返信がありません。',
    '言い忘れましたが、電話よりメールでの返信を希望します。',
    'よろしくお願いします。製品自体はとても気に入っています。',
  ],
  ar: [
    'هل من جديد؟ لم يصلني رد حتى الآن.',
    'نسيت أن أقول: أفضّل الرد بالبريد الإلكتروني بدل الاتصال.',
    'شكرًا مقدمًا، فيما عدا ذلك أحب منتجاتكم كثيرًا!',
  ],
};

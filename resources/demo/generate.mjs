#!/usr/bin/env node
/**
 * Regenerates the demo brand's content (articles.json, macros.json) for Fjellhavn
 * Outdoor, a fictional outdoor-gear retailer. Its tasks are generated when the demo opens
 * (src/server/demo/demoTasks.ts), relative to that moment. Deterministic: the same script writes the same
 * files. Run: node resources/demo/generate.mjs
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

let seed = 20260314;
const rand = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const pick = (list) => list[Math.floor(rand() * list.length)];
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));

// ------------------------------------------------------------------ catalogue

const products = [
  { name: 'Trollvind 2 tent', cat: 'tent', sku: 'TV2', price: '€449', fabric: '20D ripstop nylon, silicone-coated', weight: '1.9 kg' },
  { name: 'Trollvind 3 tent', cat: 'tent', sku: 'TV3', price: '€529', fabric: '20D ripstop nylon, silicone-coated', weight: '2.4 kg' },
  { name: 'Nordkapp 4 tunnel tent', cat: 'tent', sku: 'NK4', price: '€789', fabric: '40D polyester, PU 3000 mm', weight: '4.6 kg' },
  { name: 'Skarven shell jacket', cat: 'jacket', sku: 'SKJ', price: '€329', fabric: '3-layer membrane, 20,000 mm', weight: '410 g' },
  { name: 'Brising insulated jacket', cat: 'jacket', sku: 'BRI', price: '€259', fabric: '100 g/m² synthetic fill', weight: '480 g' },
  { name: 'Dun 800 down jacket', cat: 'down', sku: 'D80', price: '€369', fabric: '800 fill-power responsibly sourced down', weight: '350 g' },
  { name: 'Fjellsko GTX hiking boot', cat: 'boot', sku: 'FGB', price: '€219', fabric: 'nubuck leather with waterproof liner', weight: '1.3 kg a pair' },
  { name: 'Stiløper trail shoe', cat: 'shoe', sku: 'STL', price: '€149', fabric: 'engineered mesh, 6 mm drop', weight: '590 g a pair' },
  { name: 'Vinterdvale -10 sleeping bag', cat: 'bag', sku: 'VD10', price: '€299', fabric: '650 fill-power down, comfort -4 °C', weight: '1.1 kg' },
  { name: 'Sommerlett +5 sleeping bag', cat: 'bag', sku: 'SL5', price: '€139', fabric: 'synthetic fill, comfort +9 °C', weight: '780 g' },
  { name: 'Bresti 45 backpack', cat: 'pack', sku: 'B45', price: '€189', fabric: '210D recycled nylon', weight: '1.4 kg' },
  { name: 'Bresti 65 backpack', cat: 'pack', sku: 'B65', price: '€239', fabric: '210D recycled nylon', weight: '1.9 kg' },
  { name: 'Glød headlamp', cat: 'lamp', sku: 'GLD', price: '€69', fabric: '900 lumen, USB-C rechargeable', weight: '92 g' },
  { name: 'Bål gas stove', cat: 'stove', sku: 'BAL', price: '€89', fabric: 'piezo ignition, 2.6 kW', weight: '88 g' },
  { name: 'Varde GPS watch', cat: 'watch', sku: 'VGW', price: '€349', fabric: 'multi-band GNSS, 40 h in GPS mode', weight: '61 g' },
];

const firstNames = ['Ingrid', 'Lukas', 'Sofia', 'Mateo', 'Emma', 'Jonas', 'Chloé', 'Aarav', 'Freya', 'Tomás', 'Hanna', 'Olivier', 'Noor', 'Piet', 'Giulia', 'Mikkel', 'Zofia', 'Liam', 'Astrid', 'Yusuf', 'Clara', 'Elias', 'Marta', 'Henrik', 'Amélie', 'Kofi', 'Leonie', 'Sven', 'Rosa', 'Dmitri'];
const lastNames = ['Berg', 'Schneider', 'Rossi', 'García', 'Dubois', 'Nilsen', 'Kowalska', 'Murphy', 'Jansen', 'Lindqvist', 'Moreau', 'Weber', 'Costa', 'Haugen', 'Novak', 'Fischer', 'Silva', 'Andersen', 'Keller', 'Bianchi'];
const cities = ['Oslo', 'Munich', 'Lyon', 'Utrecht', 'Innsbruck', 'Bergen', 'Kraków', 'Ghent', 'Zurich', 'Turin', 'Aarhus', 'Graz'];
const carriers = ['PostNord', 'DHL', 'DPD', 'GLS', 'UPS'];

const order = () => `FH-${int(200000, 899999)}`;
const card = () => pick(['4539 1488 0343 6467', '5425 2334 3010 9903', '4111 1111 1111 1111', '3714 496353 98431']);
const iban = () => pick(['DE89 3704 0044 0532 0130 00', 'NL91 ABNA 0417 1643 00', 'FR14 2004 1010 0505 0001 3M02 606', 'NO93 8601 1117 947']);
const phone = () => pick(['+47 912 34 567', '+49 151 2345 6789', '+33 6 12 34 56 78', '+31 6 2345 6789', '0176 98765432', '+43 664 1234567']);
const emailOf = (first, last) => `${first.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '')}.${last.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '')}@${pick(['gmail.com', 'outlook.com', 'proton.me', 'web.de', 'yahoo.fr'])}`;

// ------------------------------------------------------------------ articles

// Where the generator's sequence stood when it also wrote the tasks: keeps articles.json as it was.
seed = 2114974720;

const articles = [];
const add = (externalRef, title, tags, bodyMarkdown) => articles.push({ externalRef, title, bodyMarkdown: bodyMarkdown.trim() + '\n', tags });

const careByCat = {
  tent: (p) => `
Your ${p.name} is made from ${p.fabric}. Looked after well, it will last many seasons.

## After every trip
1. Shake out grit and pine needles from the inner tent — sand wears the floor coating from the inside.
2. Pitch it at home or hang the fly over a balcony railing until it is **completely** dry, seams included. Packing a tent damp for more than 48 hours can cause mildew and hydrolysis of the coating.
3. Wipe pole sections with a dry cloth and check the shock cord tension.

## Cleaning
Sponge dirty areas with lukewarm water and a little non-detergent soap. Never put the tent in a washing machine or dryer, and never use solvents on the silicone coating.

## Storage
Store it loosely in the large cotton storage sack rather than the stuff sack, somewhere cool, dry and out of the sun.

> Tip: tree sap comes off with a drop of cooking oil, then wash the spot with soapy water.
`,
  jacket: (p) => `
The ${p.name} uses ${p.fabric}. Dirt, sweat and sunscreen clog the membrane and stop the outer fabric from beading water, so regular washing actually *improves* performance.

## Washing
- Close all zips and Velcro, empty the pockets.
- Machine wash at 30 °C on a gentle cycle with a technical wash (e.g. Nikwax Tech Wash or Grangers Performance Wash). No fabric softener, no bleach.
- Rinse twice to remove all detergent residue.

## Reactivating the water repellency
Tumble dry on low heat for 20 minutes, or iron on a low setting without steam through a towel. Heat reactivates the DWR finish.

## When to reproof
If water still soaks into the face fabric after washing and drying, apply a spray-on reproofer to the outside, then dry on low heat again. Wash-in proofers are fine for insulated garments but not recommended for 3-layer shells.
`,
  down: (p) => `
Your ${p.name} is filled with ${p.fabric}. Down is at its warmest when it is clean and lofty.

## Washing
Use a down-specific wash (such as Nikwax Down Wash Direct) in a front-loading machine at 30 °C, gentle cycle, extra rinse. Top loaders with an agitator can tear baffles.

## Drying (this takes a while)
Tumble dry on **low** heat with two or three clean tennis balls for 2–3 hours, pulling the jacket out every 30 minutes to break up clumps by hand. It is only dry when no clumps remain — damp down can smell and lose loft.

## Storage
Store it hanging or loosely in a large bag, never compressed for weeks at a time.
`,
  boot: (p) => `
The ${p.name} is made from ${p.fabric}.

## Cleaning
Remove laces and insoles. Brush off dried mud, then clean with lukewarm water and a soft brush. Avoid soap on nubuck unless it is a dedicated footwear cleaner.

## Drying
Stuff with newspaper and dry at room temperature. **Never** dry next to a radiator, stove or campfire — heat makes leather brittle and can break down the glue between sole and upper.

## Waterproofing
Treat the leather with a water-based nubuck proofer while the boots are still damp so it soaks in. Wax-based products darken nubuck and can reduce breathability.

## Resoling
The Vibram outsole can be replaced by an authorised cobbler. See *Repairs and spare parts* for our partner list.
`,
  shoe: (p) => `
The ${p.name} has an upper of ${p.fabric}.

Rinse off mud under lukewarm water and scrub the mesh with a soft brush. Remove the insoles and let everything dry at room temperature. Machine washing is not recommended: it breaks down the midsole foam and the glue.

Expect roughly 600–900 km from the midsole depending on your weight, running style and terrain. When the foam creases visibly or the shoe feels flat, it's time for a new pair.
`,
  bag: (p) => `
The ${p.name}: ${p.fabric}.

## On the trip
Air it out every morning, inside out, to let the moisture from your body escape. A liner keeps the inside clean and adds a few degrees.

## Washing
Wash no more than once or twice a season, in a large front-loading machine (a launderette machine is fine) at 30 °C with a down or synthetic-specific wash. Dry on low heat with tennis balls; expect 3 hours for down.

## Storage
Never store it in the compression sack. Use the large mesh storage bag or hang it in a wardrobe, so the fill keeps its loft.
`,
  pack: (p) => `
The ${p.name} is built from ${p.fabric}.

## Cleaning
Empty all pockets and shake out crumbs. Hand-wash in a bathtub with lukewarm water and mild soap, scrubbing dirty spots with a soft brush. Do not machine wash — the frame sheet and foam back panel can deform.

## Drying
Hang upside down with all pockets open, away from direct sun.

## Adjusting the back length
The harness slides along the Velcro ladder behind the back panel. Measure from the bony bump at the base of your neck (C7) to the top of your hip bones; set the harness marker to that length.
`,
  lamp: (p) => `
The ${p.name} (${p.fabric}).

## Charging
Charge with any USB-C charger up to 5 V / 2 A. The indicator shows red while charging and green when full (about 3 hours from empty). Fast chargers that negotiate higher voltages are supported but won't charge it faster.

## Storage
For long storage, charge to about 50 % and top up every three months. Lithium batteries stored completely empty can drop into deep discharge and stop accepting a charge.

## Cleaning
Wipe the lens with a soft damp cloth. The lamp is IPX4 — splash-proof, not waterproof, so don't rinse it under the tap.
`,
  stove: (p) => `
The ${p.name} (${p.fabric}).

## Before each trip
Check the O-ring in the valve for cracks and make sure the burner head is free of soot. Screw the stove onto the canister by hand only — never with pliers.

## Lighting
Open the valve a quarter turn, then press the piezo button. If the piezo fails, use a match or lighter from the side. A yellow, lazy flame means the burner is cold or the canister is nearly empty; let the stove warm up for 30 seconds.

## Safety
Never use the stove inside a closed tent — carbon monoxide and fire risk. Use a windscreen that leaves a gap around the canister so it cannot overheat.
`,
  watch: (p) => `
The ${p.name}: ${p.fabric}.

## Charging and battery
Use only the supplied magnetic cable. Battery life is around 40 hours in GPS mode and 14 days in smartwatch mode; multi-band mode roughly halves GPS runtime.

## Cleaning
Rinse with fresh water after sea swims and wipe the charging contacts dry before charging.

## Software updates
Updates are installed through the Varde app. Keep the watch on the charger during an update and don't interrupt it.
`,
};

for (const p of products) {
  add(`care-${p.sku}`, `Caring for your ${p.name}`, ['care', p.cat, 'product'], careByCat[p.cat](p));
}

for (const p of products) {
  const warrantyYears = ['tent', 'pack', 'boot'].includes(p.cat) ? 3 : ['watch', 'lamp', 'stove'].includes(p.cat) ? 2 : 3;
  add(`warranty-${p.sku}`, `Warranty and repairs: ${p.name}`, ['warranty', 'repairs', p.cat], `
The ${p.name} is covered by a **${warrantyYears}-year warranty** against defects in materials and workmanship, counted from the date on your receipt.

## What's covered
- Seams, zips, buckles and coatings that fail under normal use
- ${p.cat === 'tent' ? 'Poles that break without an obvious accident (a tent blown over while unpegged is not a defect)' : p.cat === 'watch' || p.cat === 'lamp' ? 'Batteries that lose more than 30 % of capacity within the warranty period' : 'Delamination of membranes and soles'}

## What's not covered
Normal wear (abraded fabric, worn soles), damage from accidents, fire or heat sources, and repairs made by someone other than us or an authorised partner.

## How to claim
1. Take clear photos of the problem and of the product label.
2. Open a claim under **My account → Orders → Report a problem**, or reply to this conversation with the photos and your order number.
3. We usually decide within 3 working days. If a repair is possible we send a prepaid label; repairs take 10–15 working days.

Many problems can be fixed rather than replaced — it's better for the mountains too. Spare ${p.cat === 'tent' ? 'pole sections, pegs and guy lines' : p.cat === 'pack' ? 'buckles, hip-belt pads and frame sheets' : 'parts'} are also sold separately.
`);
}

for (const p of products.filter((x) => ['jacket', 'down', 'boot', 'shoe', 'pack'].includes(x.cat))) {
  add(`size-${p.sku}`, `Size guide: ${p.name}`, ['sizing', p.cat, 'product'], `
The ${p.name} is cut ${pick(['true to size', 'slightly slim — consider one size up if you layer', 'with room for a mid-layer'])}.

| Size | ${p.cat === 'boot' || p.cat === 'shoe' ? 'EU | Foot length (cm)' : p.cat === 'pack' ? 'Back length (cm) | Hip belt (cm)' : 'Chest (cm) | Sleeve (cm)'} |
|---|---|---|
${(p.cat === 'boot' || p.cat === 'shoe'
      ? [['7', '40', '25.5'], ['8', '41', '26.2'], ['9', '42', '27.0'], ['10', '43', '27.8'], ['11', '44', '28.5']]
      : p.cat === 'pack'
        ? [['S', '40–46', '66–91'], ['M', '45–51', '71–102'], ['L', '50–56', '76–112']]
        : [['S', '88–94', '61'], ['M', '95–101', '63'], ['L', '102–108', '65'], ['XL', '109–116', '67']]
    ).map((r) => `| ${r.join(' | ')} |`).join('\n')}

${p.cat === 'boot' || p.cat === 'shoe' ? 'Measure your feet in the evening, when they are at their largest, standing on a sheet of paper. Leave about a thumb\'s width in front of your longest toe for descents.' : 'Measure over a thin base layer. If you are between sizes, choose the larger one for winter layering.'}

Still unsure? Exchanges within 30 days are free — see *Exchanging an item for another size*.
`);
}

const countries = [
  ['Norway', '2–4', 'PostNord', '€6.90', '€99', 'Orders to Norway are shipped from our Oslo warehouse, so no customs fees apply.'],
  ['Sweden', '2–4', 'PostNord', '€6.90', '€99', 'Delivery is to your nearest PostNord service point unless you choose home delivery at checkout.'],
  ['Denmark', '2–3', 'GLS', '€6.90', '€99', 'GLS sends a text message with a 1-hour delivery window on the morning of delivery.'],
  ['Finland', '3–5', 'PostNord', '€7.90', '€99', 'Parcels to Åland may take one extra working day.'],
  ['Germany', '2–3', 'DHL', '€4.90', '€79', 'DHL can deliver to a Packstation; enter your PostNummer in the address field.'],
  ['Austria', '3–4', 'DPD', '€5.90', '€79', 'DPD lets you reschedule the delivery day from the tracking email.'],
  ['Switzerland', '3–5', 'DHL', '€12.90', '€149', 'Switzerland is outside the EU: import VAT (8.1 %) and a handling fee are collected by the carrier on delivery.'],
  ['France', '3–5', 'DPD', '€5.90', '€79', 'You can choose a Pickup relay point at checkout at no extra cost.'],
  ['Netherlands', '2–3', 'DHL', '€4.90', '€79', 'Evening delivery between 18:00 and 22:00 is available at checkout.'],
  ['Belgium', '2–3', 'DPD', '€4.90', '€79', 'Parcels can be redirected to a DPD Pickup point from the tracking link.'],
  ['Italy', '4–6', 'GLS', '€6.90', '€99', 'Deliveries to the islands and Livigno may take up to three extra days.'],
  ['Poland', '3–5', 'DPD', '€5.90', '€79', 'InPost Paczkomat lockers are not yet supported.'],
];
for (const [country, days, carrier, fee, free, note] of countries) {
  add(`shipping-${country.toLowerCase()}`, `Shipping to ${country}: times and costs`, ['shipping', 'delivery', country.toLowerCase()], `
Orders placed before 14:00 CET on a working day leave our warehouse the same day.

- **Carrier:** ${carrier}
- **Delivery time:** ${days} working days after dispatch
- **Cost:** ${fee}, free on orders over ${free}

${note}

You'll receive a tracking link by email as soon as the parcel is handed to ${carrier}. Tracking can take up to 24 hours to show the first scan — if nothing has appeared after two working days, contact us with your order number.
`);
}

const general = [
  ['returns-policy', 'Our returns policy', ['returns', 'policy'], `
You can return unused items within **30 days** of delivery for a full refund. Items must be clean, unworn outdoors and in their original packaging with tags attached.

Sleeping bags and hydration reservoirs can only be returned unopened, for hygiene reasons.

Returns are free within the EU, Norway and Switzerland. Refunds go back to the original payment method within 5 working days after the return reaches our warehouse — your bank may take a further 3–5 days to show it.

Items bought at outlet prices (marked "Final sale") can't be returned, but they are still covered by the warranty.
`],
  ['returns-how', 'How to return an item', ['returns', 'how-to'], `
1. Go to **My account → Orders** and choose *Return items* next to the order.
2. Select the items and a reason. The reason helps our product team — "too small" and "too big" feed directly into our size guides.
3. Print the prepaid label, or show the QR code at a ${'PostNord, DHL or DPD'} drop-off point (no printer needed).
4. Keep the drop-off receipt until the refund arrives.

Bought as a guest? Use the *Guest returns* form with your order number and the email address you ordered with.
`],
  ['returns-exchange', 'Exchanging an item for another size', ['returns', 'sizing', 'exchange'], `
Exchanges for a different size or colour are free within 30 days. Start a return in **My account → Orders**, choose *Exchange* and pick the new size. We reserve it for you straight away and ship it as soon as the original is scanned by the carrier — you don't have to wait until it reaches our warehouse.

If the size you want is out of stock, we'll refund you instead and email you when it's back.
`],
  ['returns-late', 'Returning an item after 30 days', ['returns', 'policy'], `
After 30 days we can't accept standard returns. If the item is faulty, it's covered by the warranty instead — see the warranty article for your product.

Our customer care team can make a goodwill exception in special cases (for example a gift that was opened late). Ask us before sending anything back: parcels sent without an agreed return are sent back to you at your cost.
`],
  ['refund-timing', 'When will I get my refund?', ['returns', 'billing', 'refunds'], `
We refund within **5 working days** of your return arriving at our warehouse. You'll get an email when the refund is issued.

| Payment method | Time until you see it |
|---|---|
| Visa / Mastercard | 3–5 working days |
| PayPal | within 24 hours |
| Klarna invoice | the invoice is adjusted immediately |
| Gift card | instantly, as a new gift card code |

If your card has been cancelled or replaced in the meantime, the bank normally forwards the refund to the new card. If it doesn't, contact us and we can refund by bank transfer after verifying your identity.
`],
  ['payment-methods', 'Accepted payment methods', ['billing', 'payment'], `
We accept Visa, Mastercard, American Express, PayPal, Klarna (pay in 30 days or in 3 instalments), Vipps in Norway, MobilePay in Denmark, iDEAL in the Netherlands and Fjellhavn gift cards.

All card payments use 3-D Secure. We never store your full card number — only the last four digits appear in your account.
`],
  ['double-charge', 'I was charged twice', ['billing', 'payment'], `
What looks like a double charge is usually a **card authorisation** plus the actual charge. When you place an order, your bank reserves the amount; when we ship, we capture it. The reservation disappears by itself within 7 working days (depending on the bank).

If you see two *completed* charges for the same order after 7 days, send us a screenshot of your statement (you can hide everything except the two lines) and we'll refund the duplicate immediately.
`],
  ['klarna', 'Paying with Klarna', ['billing', 'payment', 'klarna'], `
With Klarna you can pay 30 days after delivery or split the price into three interest-free instalments. Klarna runs a credit check when you choose it.

If you return something, Klarna adjusts your invoice as soon as we register the return — you don't need to pay for the returned item in the meantime. Questions about the invoice itself (due dates, reminders) are handled by Klarna's customer service in the Klarna app.
`],
  ['gift-cards', 'Gift cards', ['billing', 'gift-cards'], `
Fjellhavn gift cards are valid for 3 years and can be used online and in our stores in Oslo, Bergen and Munich. You can use several gift cards on one order and pay the rest by card.

Lost the code? If the card was bought online, the buyer can resend it from their order confirmation. Physical cards can't be replaced without the receipt.
`],
  ['vat-invoice', 'Getting a VAT invoice for your company', ['billing', 'invoice'], `
Every order confirmation includes a VAT invoice as a PDF. To add your company name and VAT number, edit the billing address in **My account → Orders → Invoice details** within 30 days of purchase. We can't change the VAT rate after the order has shipped.
`],
  ['password-reset', 'Resetting your password', ['account', 'login'], `
Use *Forgot password?* on the sign-in page. The reset link is valid for 60 minutes.

If the email doesn't arrive within 10 minutes:
- check spam and the *Promotions* tab in Gmail,
- make sure you use the address your account was created with (orders placed as a guest don't create an account),
- add no-reply@fjellhavn.example to your contacts and try again.

Corporate mail filters sometimes block reset emails entirely; try a private address in that case.
`],
  ['delete-account', 'Deleting your account and personal data', ['account', 'privacy', 'gdpr'], `
You can delete your account yourself under **My account → Privacy → Delete account**. This removes your profile, saved addresses, wish list and Fjellhavn Friends points immediately.

We must keep order and invoice records for 5 years for accounting law; they are then deleted automatically. Newsletter subscriptions end at once.

If you'd rather we do it for you, ask customer care — we'll confirm your identity by email before deleting anything.
`],
  ['friends-points', 'Fjellhavn Friends: how points work', ['account', 'loyalty'], `
Members earn 1 point per euro spent (excluding shipping and gift cards). Points are added when your order ships, and removed again if you return the items.

- 250 points = a €10 voucher
- Points expire after 24 months without a purchase
- Members get free repairs on zips and buckles, and early access to sales

Missing points? Points for in-store purchases need your membership QR code at the till; we can add them afterwards if you send a photo of the receipt within 30 days.
`],
  ['change-address', 'Changing the delivery address after ordering', ['orders', 'shipping'], `
We can change the address while your order status is *Received* — usually for about an hour after ordering. Contact us as quickly as possible with the order number and the new address.

Once the order is *Packed* or *Shipped* we can't change it ourselves, but most carriers let you redirect the parcel from the tracking link (DHL, DPD and GLS do; PostNord only to a service point).
`],
  ['cancel-order', 'Cancelling an order', ['orders'], `
Orders can be cancelled in **My account → Orders** while they are still *Received*. After that, the fastest way is to refuse the parcel on delivery or return it for free once it arrives — the refund is the same.
`],
  ['stock-notify', 'Out of stock: restock alerts and pre-orders', ['orders', 'stock'], `
Click *Notify me* on the product page and choose your size. We send one email when it's back — restocks of popular sizes often sell out within days.

Some items can be pre-ordered; the expected shipping week is shown on the product page and in your confirmation. You're only charged when the item ships.
`],
  ['lost-parcel', 'Parcel marked as delivered but not received', ['shipping', 'delivery'], `
First, check with neighbours, your building's parcel room or reception, and look for a delivery notice. Carriers sometimes scan parcels as delivered a few hours before they actually arrive.

If it hasn't turned up by the end of the next working day, contact us with your order number. We open an investigation with the carrier, which usually takes 3–5 working days; if the parcel can't be found we send a replacement or refund you in full.
`],
  ['damaged-parcel', 'My parcel arrived damaged', ['shipping', 'returns'], `
Take photos of the outer box and the damaged item before throwing away any packaging — the carrier needs them for the claim. Send them to us with your order number and we'll ship a replacement straight away, without waiting for the claim to be settled.
`],
  ['customs', 'Customs and import fees outside the EU', ['shipping', 'customs'], `
For Norway, prices on our Norwegian site include VAT and we handle customs — you pay nothing extra. For Switzerland and the UK, import VAT and a carrier handling fee are charged on delivery. If you refuse the parcel to avoid fees, we refund the goods but not the shipping cost.
`],
  ['repairs-partners', 'Repairs and spare parts', ['repairs', 'warranty'], `
Our repair workshop in Oslo fixes zips, seams, tears and broken buckles — under warranty for free, and outside warranty for a fixed price (for example €25 for a zip slider, €45 for a full jacket zip).

Authorised partners for boot resoling are listed by country on our Repairs page. Spare tent poles, pegs, guy lines, buckles and hip-belt pads are sold in the *Spare parts* section of the shop.
`],
  ['rental', 'Renting gear instead of buying', ['rental', 'orders'], `
Tents, sleeping bags and backpacks can be rented from our Oslo and Munich stores for weekends and weeks. Rental gear is cleaned and checked after every trip. If you decide to buy the same model within 30 days, we deduct the rental price.
`],
  ['stores', 'Our stores and opening hours', ['stores'], `
- **Oslo**, Markveien 12 — Mon–Fri 10–19, Sat 10–17
- **Bergen**, Strandgaten 41 — Mon–Fri 10–18, Sat 10–16
- **Munich**, Sendlinger Str. 7 — Mon–Sat 10–19

Online orders can be returned in any store. Stores can't look up or change web orders' payments; refunds for web orders are handled by customer care.
`],
  ['firmware-watch', 'Updating the Varde GPS watch', ['technical', 'watch', 'software'], `
1. Open the Varde app and make sure Bluetooth is on.
2. Put the watch on its charger — updates need at least 50 % battery.
3. Go to **Device → Software update** and tap *Install*. The watch restarts twice; don't remove it from the charger.

If an update stalls for more than 20 minutes, hold the top button for 15 seconds to restart and start again. Your activities are stored separately and are not lost.
`],
  ['gps-accuracy', 'Improving GPS accuracy on the Varde watch', ['technical', 'watch', 'gps'], `
Dense forest, narrow valleys and tall buildings reflect satellite signals and cause drift.

- Use **All systems + multi-band** in forests and canyons.
- Wait on the start screen until the GPS icon turns green — the first fix after travelling far can take a few minutes.
- Wear the watch on the outside of your sleeve in cold weather.
- Sync the watch weekly: the app downloads satellite position data that speeds up the fix.

If tracks still drift by more than 50 m on open terrain, send us the .fit file from the app (*Activity → Share → Export*) and we'll have it analysed.
`],
  ['headlamp-troubleshooting', 'Glød headlamp: won\'t turn on or blinks red', ['technical', 'lamp', 'troubleshooting'], `
Three red blinks mean the battery protection has switched off the lamp, usually after deep discharge.

1. Charge it for at least 4 hours with a simple 5 V USB charger (not a laptop or car port).
2. Hold the button for 10 seconds to reset the electronics.
3. If it still blinks red, the battery needs replacing — this is covered by the warranty in the first 2 years.

The lamp is locked if it doesn't react to a short press: unlock it by holding the button for 4 seconds.
`],
  ['stove-troubleshooting', 'Bål gas stove: yellow flames or flare-ups', ['technical', 'stove', 'safety'], `
**Stop using the stove** if flames appear around the valve or the connection to the canister. This points to a leaking O-ring or a damaged thread.

- Unscrew the stove once it has cooled, check the O-ring, and look for a hissing sound or gas smell when screwing it on.
- Don't use the stove again until it has been checked. We replace stoves with leaking valves free of charge under warranty.

A yellow, flickering flame from the burner head alone (not the valve) is normal in cold weather or with a nearly empty canister.
`],
  ['tent-pitching', 'Pitching the Trollvind tent in wind', ['technical', 'tent', 'how-to'], `
Pitch with the narrow, low end into the wind. Peg the windward corners first, then insert the poles and raise the tent from the downwind side.

Use all guy lines when wind is expected — the Trollvind is rated for gusts up to 70 km/h when fully guyed, but only about half that without the guy lines. In snow or sand, bury pegs horizontally as "deadmen".
`],
  ['waterproof-ratings', 'What waterproof ratings mean', ['technical', 'care'], `
Hydrostatic head (in mm) tells you how high a column of water the fabric can hold before leaking. 1,500 mm is showerproof; 10,000 mm is fine for most hiking; our Skarven shell is rated 20,000 mm.

Breathability (g/m²/24 h) measures how much vapour passes out. A jacket can feel "wet inside" when it's only condensation from sweat — especially in cold, humid weather or when the outer fabric is wetted out because the DWR has worn off.
`],
  ['down-sourcing', 'Where our down comes from', ['sustainability', 'down'], `
All our down is certified to the Responsible Down Standard: it comes from birds raised for food, with no live-plucking or force-feeding. Each batch is traceable through the supply chain.
`],
  ['pfas-free', 'Our PFAS-free water repellency', ['sustainability', 'care'], `
Since 2024 all our water-repellent finishes are free of PFAS. PFAS-free finishes repel water very well but are more sensitive to dirt and oils, so wash your jacket a little more often and reactivate it with low heat.
`],
  ['student-discount', 'Student and mountain-guide discounts', ['billing', 'discounts'], `
Students get 10 % off full-price items after verifying through our partner UNiDAYS. Certified mountain and ski guides can apply for a pro discount of 30 % — send a copy of your IFMGA or national guide certificate to customer care.

Discounts can't be combined with other codes or applied to gift cards.
`],
  ['price-match', 'Price changes after you bought', ['billing', 'policy'], `
If an item you bought drops in price within 14 days of delivery, we refund the difference once per order on request. This doesn't apply to flash sales shorter than 48 hours or to outlet items.
`],
  ['fraud', 'Orders you don\'t recognise', ['account', 'security'], `
If you get a confirmation for an order you didn't place, contact us immediately — we can usually stop it before it ships. Change your password, sign out all devices under **My account → Security**, and check your card statement.

We will never ask for your full card number, CVC or password by email, chat or phone.
`],
  ['newsletter', 'Managing newsletters and notifications', ['account', 'privacy'], `
Unsubscribe from any newsletter with the link at the bottom of the email, or turn topics on and off under **My account → Communication**. Order and delivery emails can't be switched off, since they are part of your purchase.
`],
];
for (const [ref, title, tags, body] of general) add(ref, title, tags, body);

// One specifications page per product.
for (const p of products) {
  add(`specs-${p.sku}`, `${p.name}: specifications and what's in the box`, ['product', 'specs', p.cat], `
| | |
|---|---|
| Article number | ${p.sku}-${int(100, 999)} |
| Price | ${p.price} |
| Weight | ${p.weight} |
| Material / key spec | ${p.fabric} |

## In the box
${p.cat === 'tent' ? '- Fly and inner (pre-connected)\n- Aluminium poles, colour-coded\n- 12 pegs and 6 reflective guy lines\n- Stuff sack and large storage sack\n- Repair sleeve for the poles' : p.cat === 'watch' ? '- Watch with silicone strap\n- Magnetic charging cable (USB-A)\n- Quick-start guide' : p.cat === 'lamp' ? '- Headlamp with elastic band\n- USB-C cable\n- Helmet clips' : p.cat === 'stove' ? '- Stove with foldable pot supports\n- Plastic storage case' : '- The product with its hang tags\n- Care label with washing instructions'}

## Good to know
${pick(['Weights are measured on a size M or the packaged product and can vary by ±5 %.', 'Colours can look slightly different on screen than in daylight.', 'Product photos show the current season\'s colourways; older stock may differ in trim colour.'])}
`);
}

// Trip planning articles, one per classic route; specific and varied.
const routes = [
  ['Jotunheimen traverse', 'Norway', 'July–September', '5–7 days', 'DNT cabins are spaced a day apart; carry a DNT key for self-service huts.'],
  ['Kungsleden (Abisko–Nikkaluokta)', 'Sweden', 'mid-June to September', '5–6 days', 'Mosquitoes peak in July — pack a head net and long sleeves.'],
  ['Tour du Mont Blanc', 'France/Italy/Switzerland', 'mid-June to mid-September', '10–11 days', 'Refuges must be booked months ahead for July and August.'],
  ['Alta Via 1', 'Italy', 'late June to September', '8–10 days', 'Some sections have cables and ladders; a helmet is recommended.'],
  ['West Highland Way', 'Scotland', 'April–October', '6–8 days', 'Midges are worst on still evenings from June to August.'],
  ['Lofoten coastal hikes', 'Norway', 'June–August', 'day hikes', 'Weather turns fast; always carry a shell and an extra warm layer.'],
  ['GR20', 'Corsica', 'June–September', '15 days', 'Water is scarce in places; carry at least two litres between refuges.'],
  ['Laugavegur trail', 'Iceland', 'late June to early September', '4 days', 'Several unbridged river crossings — bring sandals and trekking poles.'],
  ['Hardangervidda crossing', 'Norway', 'July–September', '4–6 days', 'Open plateau with little shelter: a tent that handles wind is essential.'],
  ['Stubai Höhenweg', 'Austria', 'July–September', '7–8 days', 'Huts serve half-board; a silk liner is required in dormitories.'],
  ['Sarek national park', 'Sweden', 'July–August', '7–10 days', 'No marked trails, no huts, no bridges — advanced navigation skills needed.'],
  ['Peaks of the Balkans', 'Albania/Kosovo/Montenegro', 'June–September', '10–12 days', 'Carry your passport: the route crosses borders on mountain paths.'],
];
for (const [route, where, season, length, tip] of routes) {
  add(`trip-${route.toLowerCase().replace(/[^a-z]+/g, '-').replace(/-$/, '')}`, `Packing list: ${route}`, ['trip-planning', 'packing-list'], `
**Where:** ${where} · **Best season:** ${season} · **Typical length:** ${length}

${tip}

## Shelter and sleep
- ${length.includes('day') ? 'No overnight gear needed; a light emergency bivvy bag is wise.' : pick(['Trollvind 2 tent or a hut reservation for every night', 'A three-season tent that handles wind, plus a Sommerlett +5 for mild nights', 'Vinterdvale -10 if you plan to camp high — nights near freezing are common'])}
- Sleeping mat with an R-value of at least 3

## Clothing
- Shell jacket and trousers (Skarven or similar)
- Insulated jacket for breaks and evenings
- Two base layers, warm hat and gloves — even in summer

## Kitchen and water
- ${pick(['Bål gas stove and one 230 g canister per 3–4 days for two people', 'Stove and fuel if you camp; huts on this route serve meals', 'Water filter or tablets — streams near pastures are not safe to drink untreated'])}

## Navigation and safety
- Paper map and compass as a backup to your GPS watch
- First-aid kit, blister plasters, headlamp with a spare charge
`);
}

// Frequently asked questions, short and direct.
const faqs = [
  ['Can I pick up my online order in a store?', 'Yes — choose *Click & collect* at checkout for Oslo, Bergen or Munich. We email you when it\'s ready, usually within 2 hours during opening times. Bring the order number and ID.', ['orders', 'stores']],
  ['Do you ship to the UK?', 'Yes, with UPS in 3–5 working days. Because the UK is outside the EU, import VAT and a handling fee are collected on delivery.', ['shipping']],
  ['Can I use two discount codes?', 'Only one code per order. Fjellhavn Friends vouchers can be combined with a discount code.', ['billing', 'discounts']],
  ['Is the Skarven jacket suitable for skiing?', 'Yes. It has a helmet-compatible hood and pit zips; it has no powder skirt, so for deep snow pair it with a bib.', ['product', 'jacket']],
  ['How warm is the Vinterdvale -10 really?', 'Comfort rating −4 °C (for a cold sleeper), limit −10 °C (survival for a warm sleeper, per EN ISO 23537). Most people sleep comfortably to about −4 °C with a good mat.', ['product', 'bag']],
  ['Can I wash my sleeping bag at home?', 'Only in a front-loading machine big enough that the bag moves freely. Top-loaders with an agitator can tear the baffles. See the care article for your bag.', ['care', 'bag']],
  ['My boots squeak — is that a defect?', 'Usually not. New leather and insoles often squeak for the first few days. Sprinkle a little talc under the insole; if it persists after 50 km, contact us.', ['product', 'boot']],
  ['How long does a repair take?', 'Typically 10–15 working days in the workshop, plus shipping. We email you when the item is on its way back.', ['repairs']],
  ['Can I change my order after placing it?', 'While the status is *Received* we can change sizes, colours or the address. Contact us quickly — orders are usually packed within an hour during working days.', ['orders']],
  ['Do you offer gift wrapping?', 'Yes, for €4.90 in recycled paper, with a handwritten card if you like. Prices aren\'t shown on the packing slip for gift orders.', ['orders']],
  ['Why was my payment declined?', 'Most declines come from 3-D Secure not being completed, an expired card or the bank\'s fraud filter. Try again or use another method; we don\'t see the bank\'s reason ourselves.', ['billing', 'payment']],
  ['Can I return an item bought in a store online?', 'Yes. Use the *Guest returns* form with the receipt number printed under the barcode on your receipt.', ['returns', 'stores']],
  ['Do you sell replacement tent poles?', 'Yes, individual sections and complete poles for all current tents and most tents from the past 8 years are in the *Spare parts* section.', ['repairs', 'tent']],
  ['Is my backpack carry-on size?', 'The Bresti 45 fits most airlines\' cabin limits (55 × 40 × 23 cm) when the lid is empty. The Bresti 65 must be checked in; use the included rain cover as a travel bag.', ['product', 'pack']],
  ['What battery does the Glød use?', 'A built-in 2,000 mAh Li-ion cell. It can\'t be swapped by you, but our workshop replaces it for €19 outside the warranty.', ['product', 'lamp']],
  ['Can I pause my Fjellhavn Friends membership?', 'There\'s nothing to pause — membership is free. Points only expire after 24 months without a purchase.', ['account', 'loyalty']],
  ['How do I find my order number?', 'It starts with FH- and appears in the subject of your confirmation email and under **My account → Orders**.', ['orders']],
  ['Can I get a paper invoice?', 'We send invoices as PDF only. You can download them again anytime under **My account → Orders**.', ['billing', 'invoice']],
  ['Are your products vegan?', 'Many are. Product pages list materials; down, wool and leather items are not vegan. Filter by *Vegan* in the shop.', ['product', 'sustainability']],
  ['Can I return a gift without the buyer knowing?', 'Yes. Use *Guest returns* with the order number from the gift receipt; the refund goes out as a gift card to you, not to the buyer.', ['returns']],
];
faqs.forEach(([q, a, tags], i) => add(`faq-${i + 1}`, q, ['faq', ...tags], a));

// Seasonal advice to reach ~150 varied articles.
const seasonal = [
  ['Winter camping: keeping condensation down', ['care', 'tent', 'winter'], 'Open both vents even when it\'s cold — a closed tent traps the two litres of moisture two people breathe out overnight, which freezes as frost on the inner. Brush frost off before the sun melts it onto your gear.'],
  ['Breaking in new hiking boots', ['product', 'boot', 'how-to'], 'Wear them around the house and on short walks for about 30–50 km before a long trip. Lace loosely over the instep at first; use a heel-lock lacing if your heel lifts on climbs.'],
  ['Choosing between down and synthetic insulation', ['product', 'buying-guide'], 'Down is lighter and packs smaller for the same warmth; synthetic keeps more warmth when wet and dries faster. For wet, mild climates such as western Norway or Scotland, synthetic is often the better choice.'],
  ['How to choose a sleeping bag temperature rating', ['product', 'buying-guide', 'bag'], 'Use the *comfort* figure, not the limit. Add 3–5 °C of margin if you sleep cold, and remember that your mat matters as much as your bag.'],
  ['Layering for autumn hikes', ['buying-guide', 'clothing'], 'A wicking base layer, an insulating mid-layer you can open, and a shell on top. Take the mid-layer off before climbing, not halfway up — sweating soaks your insulation.'],
  ['Storing gear over the summer or winter', ['care'], 'Everything clean and bone-dry, sleeping bags and down jackets uncompressed, batteries at about half charge, stove canisters removed. Keep gear out of hot attics: heat ages coatings and glue.'],
  ['Flying with a gas stove', ['stove', 'travel'], 'Gas canisters are never allowed on flights. The stove itself is usually fine in checked luggage if it has never been used or is completely clean; buy canisters at your destination.'],
  ['Travelling with a GPS watch abroad', ['watch', 'travel'], 'Sync before you go so the satellite data is fresh. The watch adjusts its time zone automatically after the first GPS fix; maps for other countries can be downloaded in the app over Wi-Fi.'],
];
seasonal.forEach(([title, tags, body], i) => add(`guide-${i + 1}`, title, tags, body));

// Troubleshooting notes the support team wrote after recurring tickets.
const notes = [
  ['Tracking shows "label created" for days', ['shipping', 'tracking'], 'A label is printed when your order is packed, but the carrier scans the parcel only when it collects it from our warehouse — usually the same evening. If the status hasn\'t changed after two working days, the first scan was probably missed at collection; the parcel is normally still moving. Contact us after three working days and we\'ll ask the carrier to trace it.'],
  ['Delivered to a parcel locker or service point', ['shipping', 'delivery'], 'When home delivery fails, PostNord and DHL leave the parcel at the nearest service point or locker and send a pickup code by text message and email. Parcels are held for 7 days (PostNord) or 10 days (DHL) before they are returned to us. Returned parcels are refunded automatically, minus nothing — we cover the return trip.'],
  ['Why your refund is less than you paid', ['returns', 'billing', 'refunds'], 'If you return part of an order that used a discount code, the discount is spread across all items, so each item is refunded at its discounted price. Shipping is refunded only when the whole order is returned or the item was faulty. Gift-wrap fees are not refunded.'],
  ['Warranty claims for gifts', ['warranty', 'returns'], 'You don\'t need the buyer\'s receipt: the order number from the gift receipt, or the serial number on the product label, is enough for us to find the purchase date. If neither exists we use the production date on the label, plus three months.'],
  ['Sleeping bag zip snags on the baffle', ['technical', 'bag', 'troubleshooting'], 'Close the zip slowly while holding the fabric flat behind the slider with your other hand. The stiffened zip guard is designed to stop snags, but it softens in the cold; pulling the slider back a few centimetres and tensioning the fabric frees it without damage. A snag that has cut the fabric is repaired for free under warranty.'],
  ['Headlamp beam flickers at full power', ['technical', 'lamp', 'troubleshooting'], 'At 900 lumens the Glød steps down after 90 seconds to protect the LED from overheating — that brief dip is normal. Continuous flickering usually means a loose battery contact after a drop: charge it fully, then hold the button for 10 seconds to reset. If it still flickers, it qualifies for a warranty exchange.'],
  ['Watch will not pair with a new phone', ['technical', 'watch', 'software'], 'Remove the watch from Bluetooth settings on the old phone first, then reset the watch connection under **Settings → Connectivity → Forget phone**. In the Varde app on the new phone, choose *Add device* and keep the watch within 30 cm during pairing. Activities not yet synced stay on the watch and upload after pairing.'],
  ['Boots leaking after a year', ['technical', 'boot', 'warranty'], 'Most "leaks" in the first years are wet socks from sweat or water running in over the top of the boot. Test by standing in 5 cm of water for 10 minutes with dry socks. If the inside gets wet at the toe or along the sole, the liner may be damaged — within 3 years that\'s a warranty case, and we may ask to inspect the boots.'],
  ['Tent floor feels sticky', ['care', 'tent'], 'A sticky or vinegar-smelling floor means the polyurethane coating has started to break down (hydrolysis), usually after storage while damp or in heat. It can\'t be reversed. Clean the floor, dry it fully and use a footprint from now on; if the tent is under 3 years old and was stored dry, send us photos for a warranty assessment.'],
  ['Changing the email address on your account', ['account'], 'Go to **My account → Profile**, enter the new address and confirm it from the verification email we send to it. Until it is confirmed, order emails keep going to the old address. Orders placed as a guest with another address can be linked to your account from the order confirmation.'],
  ['Ordering for a club or school', ['orders', 'billing'], 'Clubs, schools and scout groups can order on invoice with 30 days\' payment terms from €500 per order. Send us the organisation\'s name, registration number and billing address; we set up a business account within two working days. Volume prices start at 10 identical items.'],
  ['Stove canister compatibility', ['technical', 'stove'], 'The Bål stove fits all self-sealing screw-thread canisters (EN 417, Lindal valve) from brands such as Primus, MSR, Jetboil and Coleman. Pierceable or click-on canisters don\'t fit. In temperatures below 0 °C use a winter blend with isobutane or propane — pure butane canisters lose pressure in the cold.'],
];
notes.forEach(([title, tags, body], i) => add(`note-${i + 1}`, title, tags, body));

// ------------------------------------------------------------------ macros

const macros = [
  ['greeting', 'Greeting', ['general'], 'Hi {{customer.firstName}},\n\nthanks for getting in touch with Fjellhavn Outdoor. '],
  ['signoff', 'Sign-off', ['general'], '\n\nHave a great time outdoors,\n{{advocate.name}}\nFjellhavn Outdoor customer care'],
  ['tracking-check', 'Tracking: checked with carrier', ['shipping'], 'Hi {{customer.firstName}},\n\nI\'ve checked your order {{order.number}} with the carrier. The parcel is on its way and should reach you within the next 2 working days. You can follow it here: {{order.trackingUrl}}\n\nBest regards,\n{{advocate.name}}'],
  ['lost-parcel-investigation', 'Lost parcel: investigation opened', ['shipping'], 'Hi {{customer.firstName}},\n\nI\'m sorry your parcel hasn\'t arrived. I\'ve opened an investigation with the carrier; this usually takes 3–5 working days. If they can\'t find it, we\'ll send a replacement or refund you in full — you don\'t need to do anything else.\n\n{{advocate.name}}'],
  ['exchange-instructions', 'Exchange: how to start', ['returns', 'sizing'], 'Hi {{customer.firstName}},\n\nan exchange is free within 30 days. Go to My account → Orders, choose "Exchange" and pick the new size — we reserve it straight away and ship it as soon as the carrier scans your return.\n\n{{advocate.name}}'],
  ['refund-timing', 'Refund timing', ['returns', 'billing'], 'Hi {{customer.firstName}},\n\nyour return was registered and the refund has been issued to your original payment method. Card refunds can take 3–5 working days to appear on your statement.\n\n{{advocate.name}}'],
  ['double-charge', 'Double charge: authorisation explained', ['billing'], 'Hi {{customer.firstName}},\n\nwhat you see is most likely a temporary authorisation from your bank plus the actual charge. The authorisation drops off within 7 working days. If two completed charges are still there after that, reply with a screenshot and I\'ll refund the duplicate immediately.\n\n{{advocate.name}}'],
  ['warranty-photos', 'Warranty: ask for photos', ['warranty'], 'Hi {{customer.firstName}},\n\nI\'m sorry to hear about the problem with your {{product.name}}. Could you send two or three photos of the damage and one of the label inside? Then I can start the warranty claim right away.\n\n{{advocate.name}}'],
  ['warranty-approved', 'Warranty: approved, label sent', ['warranty', 'repairs'], 'Hi {{customer.firstName}},\n\ngood news: your warranty claim is approved. You\'ll receive a prepaid label by email within the hour. Our workshop usually needs 10–15 working days and we\'ll let you know when it\'s on its way back.\n\n{{advocate.name}}'],
  ['password-reset', 'Password reset tips', ['account'], 'Hi {{customer.firstName}},\n\nplease check your spam folder and make sure you use the email address the account was created with. If the email still doesn\'t arrive in 10 minutes, let me know and I\'ll trigger a reset from our side.\n\n{{advocate.name}}'],
  ['gdpr-delete', 'Account deletion confirmation', ['account', 'privacy'], 'Hi {{customer.firstName}},\n\nwe\'ve received your request to delete your account. For your security, please confirm it by replying to this message from the email address on the account. Order records are kept for 5 years as required by accounting law.\n\n{{advocate.name}}'],
  ['stove-safety', 'Stove flare-up: stop using', ['technical', 'safety'], 'Hi {{customer.firstName}},\n\nthank you for telling us — please don\'t use the stove again until we\'ve looked at it. I\'m arranging a free replacement; you\'ll get a prepaid label for the old one.\n\n{{advocate.name}}'],
  ['reproof-howto', 'Reproofing a shell jacket', ['technical', 'care'], 'Hi {{customer.firstName}},\n\nwash the jacket at 30 °C with a technical wash, then tumble dry on low for 20 minutes — heat reactivates the water repellency. If water still soaks in, use a spray-on proofer and dry on low again.\n\n{{advocate.name}}'],
  ['escalation-handoff', 'Escalation: customer informed', ['general'], 'Hi {{customer.firstName}},\n\nI\'ve passed your case to a specialist colleague with all the details, so you won\'t need to repeat yourself. They\'ll be in touch within one working day.\n\n{{advocate.name}}'],
];

writeFileSync(join(here, 'articles.json'), JSON.stringify(articles, null, 1) + '\n');
writeFileSync(join(here, 'macros.json'), JSON.stringify(macros.map(([externalRef, title, tags, body]) => ({ externalRef, title, body, tags })), null, 1) + '\n');
console.log(`articles ${articles.length}, macros ${macros.length}`);

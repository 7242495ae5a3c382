// Fixed response bodies, shaped as bfinance documents them (see the bfinance API reference:
// GET /cards/{id} "get card details" and POST /cards/{id}/topup "top up a card").

/** The card id every benchmark request names. */
export const CARD_ID = 'c8d1f0e2-5b7a-4c3e-9a61-2f4b8d6e1a37';

/** The bearer token the benchmark clients send (the fixture server does not check it). */
export const TOKEN = 'bench-token-0123456789abcdef';

/** `GET /cards/{id}`: the `{status, data}` envelope around the card, `sensetive` spelled as the API does. */
export const CARD_BODY = JSON.stringify({
  status: 'success',
  data: {
    id: CARD_ID,
    maskedCardNumber: '**** **** **** 1234',
    sensetive: { number: '5168 3214 5678 1234', expire: '07/29', cvc: '123' },
    currency: 'USD',
    status: 'active',
    externalCardId: 'ext-42',
    balance: { value: 125.5, currency: 'USD' },
    label: 'Travel',
    cardHolder: { firstName: 'Ada', lastName: 'Lovelace', customerId: 'cus_7f3a9c' },
    email: 'ada@example.com',
    phone: '+14155550100',
  },
});

/** `POST /cards/{id}/topup`: a success that carries only a message. */
export const TOP_UP_BODY = JSON.stringify({ status: 'success', message: 'Card has been topped up' });

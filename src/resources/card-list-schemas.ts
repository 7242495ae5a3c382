import * as z from '../core/reader.js';
import { amount, builtOnFirstUse, freeText, optionalField, text } from '../core/schema.js';
import type { CardSummary, CardTransaction } from './card-results.js';
import { assemble, balanceOf, base, baseShape, holder } from './card-schemas.js';

/** One page of `GET /cards/list` as read; older API versions send no `totalPages`. */
export type CardListPage = {
  cards: CardSummary[];
  page?: number | undefined;
  limit?: number | undefined;
  totalPages?: number | undefined;
};

/** A page of `GET /cards/list` [SDK]. */
export const cardListSchema: () => z.Schema<CardListPage, unknown> = builtOnFirstUse(() =>
  z.pipe(
    z.object({
      cards: z.array(
        z.pipe(
          z.object({
            ...baseShape(),
            cardBalance: optionalField(amount()),
            brand: text(),
            cardHolder: holder(),
            cardType: text(),
          }),
          z.transform(
            (card): CardSummary =>
              assemble(base(card.cardType === 'budget' ? 'budget' : 'card', card), {
                balance: balanceOf(card.cardBalance, card.currency),
                brand: card.brand,
                cardHolder: card.cardHolder,
                cardType: card.cardType,
              }),
          ),
        ),
      ),
      page: amount(),
      limit: amount(),
      totalPages: optionalField(amount()),
    }),
    z.transform(({ cards, page, limit, totalPages }) => ({
      cards,
      page: page ?? undefined,
      limit: limit ?? undefined,
      totalPages: totalPages ?? undefined,
    })),
  ),
);

/** `GET /cards/{id}/transactions` data [SDK] (no page metadata). */
export const cardTransactionsSchema: () => z.Schema<{ transactions: CardTransaction[] }, unknown> =
  builtOnFirstUse(() =>
    z.object({
      transactions: z.array(
        z.object({
          id: z.string(),
          amount: amount(),
          currency: text(),
          usdAmount: amount(),
          merchant: optionalField(freeText()),
          status: text(),
          type: text(),
          date: text(),
          transactionId: text(),
          declineReason: optionalField(freeText()),
          // No source lists it; read when present.
          note: optionalField(freeText()),
        }),
      ),
    }),
  );

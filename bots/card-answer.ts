import type { Card } from '../lark/cards/elements.ts';

/** What Lark expects back within 3 s: a toast, and optionally the card to show in place of the clicked one. */
export interface CardActionAnswer {
  readonly toast?: {
    readonly type: 'success' | 'error' | 'info' | 'warning';
    readonly content: string;
    readonly i18n?: { readonly zh_cn: string; readonly en_us: string };
  };
  readonly card?: { readonly type: 'raw'; readonly data: Card };
}

export const toast = (type: NonNullable<CardActionAnswer['toast']>['type'], content: string): CardActionAnswer => ({ toast: { type, content } });
export const withCard = (answer: CardActionAnswer, card: Card): CardActionAnswer => ({ ...answer, card: { type: 'raw', data: card } });

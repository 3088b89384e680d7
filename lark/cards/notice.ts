import { card } from './card.ts';
import { markdown, type Colour } from './elements.ts';

/** A short message as a card: not found, nothing pending, read-only… */
export const noticeCard = (title: string, text: string, colour: Colour = 'blue'): Record<string, unknown> => card(title, colour, [markdown(text)]);

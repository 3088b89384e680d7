import { normalizeText } from './normalize.ts';

interface TrieNode {
  readonly next: Map<string, TrieNode>;
  term?: string;
}

/** Finds which of a fixed set of terms occur in a text (a character trie walked from each position). */
export type TermFinder = (text: string) => Set<string>;

/** Builds a finder for the given terms; terms are normalized like the texts they are searched in. */
export function createTermFinder(terms: Iterable<string>): TermFinder {
  const root: TrieNode = { next: new Map() };
  for (const raw of terms) {
    const term = normalizeText(raw);
    let node = root;
    // Walked by UTF-16 unit, like the texts below, so astral characters stay consistent.
    for (let i = 0; i < term.length; i++) {
      const unit = term[i]!;
      let child = node.next.get(unit);
      if (!child) node.next.set(unit, (child = { next: new Map() }));
      node = child;
    }
    node.term = term;
  }
  return (rawText) => {
    const text = normalizeText(rawText);
    const found = new Set<string>();
    for (let start = 0; start < text.length; start++) {
      let node: TrieNode | undefined = root;
      for (let i = start; i < text.length && node; i++) {
        node = node.next.get(text[i]!);
        if (node?.term) found.add(node.term);
      }
    }
    return found;
  };
}

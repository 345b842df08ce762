/** Text anchoring without a DOM: fuzzy quote search and position/quote selectors. */
export * from './match-quote.ts';
export * from './selectors.ts';

/**
 * Long texts of distinct sentences for the candidate-pruning tests: 12 cities × 10 facts, so many
 * sentences share a template and differ only in the city, and only one sentence of the other
 * text states the same fact about the same city.
 */
const CITIES = [
  'Lisbon',
  'Oslo',
  'Cairo',
  'Lima',
  'Hanoi',
  'Perth',
  'Quito',
  'Dakar',
  'Riga',
  'Tunis',
  'Bergen',
  'Malmo',
];

const FACTS: readonly ((city: string, year: number, count: number) => string)[] = [
  (c, y) => `The main bridge in ${c} was rebuilt after the flood of ${y}.`,
  (c, _, n) => `${c} hosts a jazz festival every summer that draws ${n} thousand visitors.`,
  (c, y) => `The university of ${c} opened a medical school in ${y}.`,
  (c, _, n) => `Most people in ${c} commute by tram, and the network is ${n} kilometres long.`,
  (c) => `The old harbour of ${c} now holds a maritime museum and a fish market.`,
  (c, y) => `A fire in ${y} destroyed the cathedral of ${c}, which took decades to restore.`,
  (c) => `${c} is famous for its grilled fish and its sweet pastries.`,
  (c, y) => `The football club of ${c} won its first league title in ${y}.`,
  (c, _, n) => `${c} has a botanical garden with ${n} hundred species of cacti.`,
  (c, y) => `The mayor of ${c} banned cars from the old town in ${y}.`,
];

/** Every fact about every city (120 sentences), in city order; `shift` changes the numbers. */
export function cityFacts(shift = 0): string[] {
  return CITIES.flatMap((city, i) =>
    FACTS.map((fact, k) =>
      fact(city, 1850 + ((i * 13 + k * 7 + shift) % 150), 3 + ((i + k + shift) % 40)),
    ),
  );
}

/** A fixed reordering of `items` (a seeded Fisher–Yates shuffle). */
export function shuffled<T>(items: readonly T[], seed = 7): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

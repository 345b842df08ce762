/**
 * Texts for checking the converted model against the original: plain prose, punctuation, numbers,
 * names, unicode (accents, CJK, emoji — the last two fall outside the 8,000-piece vocabulary),
 * whitespace oddities, empty-ish strings and texts longer than the 128-piece limit.
 */

const LONG_PARAGRAPH =
  'The Treaty of Westphalia, signed in 1648 in the cities of Osnabrück and Münster, ended the ' +
  "Thirty Years' War and is often cited as the origin of the modern system of sovereign states; " +
  'historians still argue about how much the treaty itself changed, since many of the principles ' +
  'attributed to it appear earlier, in the Peace of Augsburg of 1555, and later practice diverged ' +
  'from its text in important ways, particularly concerning the rights of religious minorities, ' +
  'the constitutional position of the Holy Roman Empire, and the role of France and Sweden as ' +
  'guarantors of the settlement, which gave both powers a lasting say in German affairs.';

export const CONVERSION_SENTENCES: readonly string[] = [
  'Hello world.',
  'The cat sat on the mat.',
  'A feline rested on the rug.',
  'Stock prices fell sharply today.',
  'Paris is the capital of France.',
  "France's capital city is Paris.",
  'The Eiffel Tower was completed in 1889.',
  'The Eiffel Tower was finished in 1887.',
  'Water boils at 100 degrees Celsius at sea level.',
  'At sea level, water boils at 212 °F.',
  'Marie Curie won two Nobel Prizes, in physics (1903) and chemistry (1911).',
  'Albert Einstein was born in Ulm, Germany, on 14 March 1879.',
  'Is the answer yes or no?',
  'No, that is not correct!',
  'Yes — absolutely; it is correct.',
  'It costs $1,234.56, or roughly €1,100.',
  'Call +1 (555) 010-9999 before 5:30 p.m.',
  'Version 2.0.1 fixed bug #4521.',
  'e = mc^2, and π ≈ 3.14159.',
  'The ratio was 3:2 (i.e. 60%).',
  'Use `npm install --save-dev typescript` to add it.',
  'https://example.com/path?query=1&x=y is a URL.',
  'Email me at jane.doe@example.org :)',
  'Dr. Smith met Prof. Jones at 10 a.m. on Jan. 5th.',
  'Zürich costs 1,234.56 CHF in 2024!',
  'Café au lait, crème brûlée and a piñata.',
  'São Paulo and Kraków are large cities.',
  'ＦＵＬＬＷＩＤＴＨ letters and ｶﾀｶﾅ get NFKC-normalised.',
  'ﬁnancial ﬂows (ligatures) are split by NFKC.',
  'Tokyo (東京) is the capital of Japan.',
  'I ❤ you',
  'Great job 👍🎉 everyone!',
  'Привет, как дела?',
  'Ελληνικά κείμενα εδώ.',
  'مرحبا بالعالم',
  '“Smart quotes” and ‘single ones’ … ellipsis',
  'Tabs\tand\nnewlines\r\nin text.',
  '  leading spaces',
  'trailing spaces   ',
  'double  spaces  inside',
  'ALL CAPS SENTENCE HERE',
  'mixed CaSe WoRdS',
  'a',
  '?',
  '...',
  '12345',
  '3.14',
  ' ',
  '   ',
  '',
  'The quick brown fox jumps over the lazy dog.',
  'A fast auburn fox leaped over a sleepy hound.',
  'Photosynthesis converts light energy into chemical energy in plants.',
  'The mitochondria is the powerhouse of the cell.',
  'In 1969, Neil Armstrong became the first person to walk on the Moon.',
  'The first Moon landing happened in 1969 with Apollo 11.',
  LONG_PARAGRAPH,
  `${LONG_PARAGRAPH} ${LONG_PARAGRAPH}`,
  'word '.repeat(200).trim(),
];

/** Texts the original tokenizer splits into no tokens at all. */
export const NO_TOKEN_TEXTS: readonly string[] = [''];

import { isDigitSeparator, MAX_SEPARATOR_RUN, type NormalisedText } from './normalise';

/**
 * Numbers as a reader sees them: digits joined across the separators evaders put between them
 * (138 1234 5678), split into groups where a separator or a change of script falls. A phone
 * number must start and end on a group boundary, which is what keeps 11 digits cut out of the
 * middle of an order number, an ID card or a list of years from counting as one.
 */
export interface DigitRun {
  /** The digits alone. */
  readonly digits: string;
  /** Where each digit sits in the normalised text. */
  readonly at: readonly number[];
  /** Digit indices at which a group begins; 0 is always one. */
  readonly groupStarts: ReadonlySet<number>;
}

export function isGroupBoundary(run: DigitRun, index: number): boolean {
  return index === 0 || index === run.digits.length || run.groupStarts.has(index);
}

const isDigit = (ch: string | undefined) => ch !== undefined && ch >= '0' && ch <= '9';

export function digitRunsOf(n: NormalisedText): DigitRun[] {
  const runs: DigitRun[] = [];
  const { text, digitScripts } = n;
  let i = 0;
  while (i < text.length) {
    if (!isDigit(text[i])) {
      i++;
      continue;
    }
    let digits = '';
    const at: number[] = [];
    const groupStarts = new Set<number>([0]);
    let j = i;
    while (j < text.length) {
      if (isDigit(text[j])) {
        const previous = at[at.length - 1];
        if (previous !== undefined && (previous !== j - 1 || digitScripts[previous] !== digitScripts[j])) groupStarts.add(digits.length);
        digits += text[j];
        at.push(j++);
        continue;
      }
      let k = j;
      while (k < text.length && k - j < MAX_SEPARATOR_RUN && isDigitSeparator(text[k])) k++;
      if (k === j || !isDigit(text[k])) break;
      j = k;
    }
    runs.push({ digits, at, groupStarts });
    i = j;
  }
  return runs;
}

/** The run whose first digit sits at `index` of the normalised text, if any. */
export function runStartingAt(runs: readonly DigitRun[], index: number): DigitRun | undefined {
  return runs.find((r) => r.at[0] === index);
}

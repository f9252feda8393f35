import { isSeparatorUnit, MAX_SEPARATOR_RUN, type NormalisedText } from './normalise';

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

const isDigit = (text: string, i: number) => {
  const unit = text.charCodeAt(i);
  return unit >= 0x30 && unit <= 0x39;
};

/** Where the run starting at `from` (a digit) ends, and how many digits it holds. */
function runExtent(text: string, from: number): { end: number; digits: number } {
  let digits = 0;
  let j = from;
  while (j < text.length) {
    if (isDigit(text, j)) {
      digits++;
      j++;
      continue;
    }
    let k = j;
    while (k < text.length && k - j < MAX_SEPARATOR_RUN && isSeparatorUnit(text.charCodeAt(k))) k++;
    if (k === j || !isDigit(text, k)) break;
    j = k;
  }
  return { end: j, digits };
}

/**
 * The digit runs of a text. Runs shorter than `minDigits` are left out, unbuilt: no contact
 * rule reads one (a QQ number has 5 digits at least, a phone 10), and prices, sizes and years
 * are most of the digits in a listing.
 */
export function digitRunsOf(n: NormalisedText, minDigits = 1): DigitRun[] {
  const runs: DigitRun[] = [];
  const { text } = n;
  let i = 0;
  while (i < text.length) {
    if (!isDigit(text, i)) {
      i++;
      continue;
    }
    const extent = runExtent(text, i);
    if (extent.digits >= minDigits) {
      // Inside the extent every character is a digit of the run or a separator between two.
      let digits = '';
      const at: number[] = [];
      const groupStarts = new Set<number>([0]);
      for (let j = i; j < extent.end; j++) {
        if (!isDigit(text, j)) continue;
        const previous = at[at.length - 1];
        if (previous !== undefined && (previous !== j - 1 || n.digitScriptAt(previous) !== n.digitScriptAt(j))) groupStarts.add(digits.length);
        digits += text.charAt(j);
        at.push(j);
      }
      runs.push({ digits, at, groupStarts });
    }
    i = extent.end;
  }
  return runs;
}

/** The run whose first digit sits at `index` of the normalised text, if any. */
export function runStartingAt(runs: readonly DigitRun[], index: number): DigitRun | undefined {
  return runs.find((r) => r.at[0] === index);
}

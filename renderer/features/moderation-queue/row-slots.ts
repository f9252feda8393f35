/**
 * Which of the table's row elements shows each row in view, by the row's index in the queue.
 *
 * The table keys its rows by these slots, not by listing: a row still in view keeps its element,
 * and a row coming into view takes over the element of one that left, so React changes texts and
 * attributes instead of building rows. A fast scroll replaces every row in view on each frame;
 * building them made the DOM nodes and fibers whose collection became the scroll's longest tasks.
 */
export function assignRowSlots(previous: ReadonlyMap<number, number>, indices: readonly number[]): Map<number, number> {
  const slots = new Map<number, number>();
  const taken = new Set<number>();
  for (const index of indices) {
    const slot = previous.get(index);
    if (slot === undefined) continue;
    slots.set(index, slot);
    taken.add(slot);
  }
  // The lowest free slot first: the elements that left, then new ones after them.
  let free = 0;
  for (const index of indices) {
    if (slots.has(index)) continue;
    while (taken.has(free)) free += 1;
    slots.set(index, free);
    taken.add(free);
  }
  return slots;
}

/**
 * Which of the table's row elements shows each row in view. Rows are named by a key: the
 * listing's id, or its place while its page is on its way.
 *
 * The table keys its rows by these slots: a listing still in view keeps its element, and one
 * coming into view takes over the element of one that left, so React changes texts and
 * attributes instead of building rows. A fast scroll replaces every row in view on each frame;
 * building them made the DOM nodes and fibers whose collection became the scroll's longest tasks.
 * Keyed by listing rather than by place, a listing keeps its element (and the focus in it) when
 * a row above it leaves the queue.
 */
export function assignRowSlots<K>(previous: ReadonlyMap<K, number>, keys: readonly K[]): Map<K, number> {
  const slots = new Map<K, number>();
  const taken = new Set<number>();
  for (const key of keys) {
    const slot = previous.get(key);
    if (slot === undefined) continue;
    slots.set(key, slot);
    taken.add(slot);
  }
  // The lowest free slot first: the elements that left, then new ones after them.
  let free = 0;
  for (const key of keys) {
    if (slots.has(key)) continue;
    while (taken.has(free)) free += 1;
    slots.set(key, free);
    taken.add(free);
  }
  return slots;
}

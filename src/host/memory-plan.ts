/**
 * How a component's memory budget is shared among its memories. A component
 * may instantiate a core module more than once, and each instance gets memories
 * of its own, so the plan counts the instances jco's generated module creates
 * of each core module and gives every memory a maximum such that all of them
 * together stay within the budget: a memory that declares a small maximum keeps
 * it, the component's own memory gets most of what is left, and the others
 * share the budget equally. (The host also charges each
 * instance its memories' maxima as it is created, so a count that is wrong
 * can make a load fail, never overspend: memory.ts, MemoryMeter.reserve.)
 */
import { HostError } from './errors.js';
import { mib, WASM_PAGE_BYTES, type MemoryType } from './memory.js';

/** How many times the generated module instantiates each core module, by the name it asks getCoreModule for. */
export function instanceCounts(source: string): Map<string, number> {
  const names = new Map<string, string>();
  for (const [, variable, name] of source.matchAll(/const (module\d+) = getCoreModule\('([^']+)'\)/g)) {
    names.set(variable!, name!);
  }
  const counts = new Map<string, number>();
  for (const [, variable] of source.matchAll(/instantiateCore\((?:yield |await )?(module\d+)\b/g)) {
    const name = names.get(variable!);
    if (name !== undefined) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return counts;
}

/** An unbounded memory other than the component's own may grow to this fraction of the budget. */
const SECONDARY_SHARE = 64;

export interface PlannedModule {
  name: string;
  memories: MemoryType[];
  instances: number;
}

/** The maximum, in pages, of each memory of each module (by name); throws MEMORY_LIMIT when a memory cannot start. */
export function planMemories(modules: PlannedModule[], budgetBytes: number): Map<string, number> {
  const budget = Math.floor(budgetBytes / WASM_PAGE_BYTES);
  const groups = modules
    .filter((m) => m.memories.length > 0 && m.instances > 0)
    .map((m) => ({
      name: m.name,
      slots: m.memories.length * m.instances,
      wants: Math.max(...m.memories.map((x) => x.max ?? Infinity)),
      needs: Math.max(...m.memories.map((x) => x.min)),
    }));
  // A component's own memory is the one that needs most to start (QuickJS components also carry a
  // WASI adapter with a small memory of its own, unbounded too): when it is one memory of one
  // instance, it gets what the others leave, and the other unbounded ones a sixty-fourth of the
  // budget each (or what they need to start). Otherwise the unbounded memories share equally.
  const unbounded = groups.filter((g) => g.wants === Infinity);
  const main = unbounded.reduce<(typeof groups)[number] | undefined>((a, g) => (a === undefined || g.needs > a.needs ? g : a), undefined);
  if (main?.slots === 1) {
    for (const g of unbounded) if (g !== main) g.wants = Math.max(g.needs, Math.floor(budget / SECONDARY_SHARE));
  }
  groups.sort((a, b) => a.wants - b.wants);
  const total = groups.reduce((n, g) => n + g.slots, 0);
  let pagesLeft = budget;
  let slotsLeft = total;
  const plan = new Map<string, number>();
  for (const group of groups) {
    const cap = Math.min(group.wants, Math.floor(pagesLeft / slotsLeft));
    if (group.needs > cap) {
      const shared = total > 1 ? `, shared by ${total} memories` : '';
      throw new HostError(
        'MEMORY_LIMIT',
        `the component needs ${mib(group.needs * WASM_PAGE_BYTES)} of memory to start; the limit is ${mib(budgetBytes)}${shared}`,
      );
    }
    plan.set(group.name, cap);
    pagesLeft -= cap * group.slots;
    slotsLeft -= group.slots;
  }
  return plan;
}

/** The number of memories a plan shares the budget among (for messages). */
export function memoryCount(modules: PlannedModule[]): number {
  return modules.reduce((n, m) => n + m.memories.length * m.instances, 0);
}

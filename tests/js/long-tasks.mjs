// The long-task observer of a test page, as the source of a module's top level: pages that
// measure the main thread (worker.test.mjs, bench/longtasks.mjs) write it into their script.
// It defines `settle()` (waits 300 ms), `longest(from, to)` (the longest task overlapping
// [from, to], 0 when none passed 50 ms, after the observer caught up) and `inTask(fn)` (runs
// fn in a task of its own).
export const LONG_TASKS = `const tasks = [];
const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries()));
observer.observe({ type: 'longtask', buffered: true });
const settle = () => new Promise((ok) => setTimeout(ok, 300));
async function longest(from, to) {
  await settle();
  tasks.push(...observer.takeRecords());
  const within = tasks.filter((t) => t.startTime < to && t.startTime + t.duration > from);
  return Math.max(0, ...within.map((t) => t.duration));
}
const inTask = (fn) => new Promise((ok, fail) => setTimeout(() => { try { ok(fn()); } catch (e) { fail(e); } }, 0));`;

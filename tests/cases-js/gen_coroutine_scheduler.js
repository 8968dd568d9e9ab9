// generators as coroutines: a tiny round-robin scheduler driven by
// setTimeout, the way libraries ran "async" code before async/await
function* worker(name, steps) {
  for (let i = 1; i <= steps; i++) {
    const got = yield `${name} step ${i}`;
    if (got) console.log(`${name} was told: ${got}`);
  }
  return `${name} finished`;
}
const queue = [worker('A', 2), worker('B', 3)];
let tick = 0;
function run() {
  const g = queue.shift();
  const { value, done } = g.next(tick % 2 ? 'hurry' : undefined);
  console.log(value);
  if (!done) queue.push(g);
  tick++;
  if (queue.length) setTimeout(run, 10);
}
run();

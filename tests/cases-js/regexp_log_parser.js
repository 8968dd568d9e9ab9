// parsing log lines with a regexp while timers deliver them: named groups,
// the g flag's lastIndex, and replace with a function
const lines = [
  '12:00:01 INFO  server started on port 8080',
  '12:00:03 WARN  slow response: 1200ms from /api/users',
  '12:00:04 ERROR db timeout after 5000ms',
];
const re = /^(?<time>\d\d:\d\d:\d\d) (?<level>[A-Z]+)\s+(?<msg>.*)$/;
let delay = 0;
for (const line of lines) {
  setTimeout(() => {
    const m = re.exec(line);
    const { time, level, msg } = m.groups;
    const ms = [...msg.matchAll(/(\d+)ms/g)].map((x) => Number(x[1]));
    console.log(`[${level.toLowerCase()}] ${time} ${msg.replace(/\/api\/\w+/, (p) => p.toUpperCase())}`, ms);
  }, (delay += 100));
}
const counter = /a/g;
console.log(counter.lastIndex, counter.test('banana'), counter.lastIndex, counter.test('banana'), counter.lastIndex);

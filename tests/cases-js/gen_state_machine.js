// a generator as a state machine fed by timers: each next(event) moves the
// light on; return() switches it off through its finally
function* trafficLight() {
  try {
    for (;;) {
      let e = yield 'green';
      while (e !== 'timer') e = yield 'green (ignored ' + e + ')';
      yield 'yellow';
      yield 'red';
    }
  } finally {
    console.log('light switched off');
  }
}
const light = trafficLight();
console.log(light.next().value);
const events = ['button', 'timer', 'timer', 'timer', 'timer'];
events.forEach((e, i) => setTimeout(() => console.log(e, '->', light.next(e).value), 100 * (i + 1)));
setTimeout(() => console.log(light.return('off')), 700);

function debounce(fn, ms) {
  let t;
  return (...args) => { clearTimeout(t); t = setTimeout(() => fn(...args), ms); };
}
const log = debounce((x) => console.log('debounced', x, Date.now()), 100);
log(1);
setTimeout(() => log(2), 50);
setTimeout(() => log(3), 120);
setTimeout(() => log(4), 400);

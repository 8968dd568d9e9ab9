let n = 0;
function again() {
  n++;
  if (n < 1000) Promise.resolve().then(again);
  else console.log('microtasks done', n);
}
setTimeout(() => console.log('timer finally runs'), 0);
again();

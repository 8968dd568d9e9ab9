// Inside an immediate, setImmediate beats setTimeout(0).
setImmediate(() => {
  setTimeout(() => console.log('timeout'), 0);
  setImmediate(() => console.log('immediate'));
});

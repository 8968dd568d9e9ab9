async function* ok() { yield 1; }
function notAsync() {
  const v = await ok().next();
}

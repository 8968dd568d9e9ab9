async function* ticks() {
  yield 1;
}

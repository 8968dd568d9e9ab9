function* all() {
  yield*;
}

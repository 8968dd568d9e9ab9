function f() {
  for await (const x of []) {}
}

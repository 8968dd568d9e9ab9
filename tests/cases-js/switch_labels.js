function kind(x) {
  switch (typeof x) {
    case 'number':
      if (x > 10) return 'big';
    // falls through
    case 'bigint':
      return 'numeric';
    case 'string':
      return 'text';
    default:
      return 'other';
  }
}
console.log(kind(1), kind(100), kind('s'), kind(null));
outer: for (let i = 0; i < 3; i++) {
  for (let j = 0; j < 3; j++) {
    if (j === 1) continue outer;
    if (i === 2) break outer;
    console.log(i, j);
  }
}

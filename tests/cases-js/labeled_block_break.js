block: {
  console.log('in block');
  if (true) break block;
  console.log('never');
}
console.log('after block');

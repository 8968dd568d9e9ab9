console.log('1');
new Promise((resolve) => {
  console.log('2: the executor runs at once');
  resolve();
  console.log('3: still synchronous');
}).then(() => console.log('5'));
console.log('4');

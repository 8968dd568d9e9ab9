setImmediate(() => {
  console.log('i1');
  setImmediate(() => {
    console.log('i3');
    setImmediate(() => console.log('i5'));
  });
});
setImmediate(() => {
  console.log('i2');
  setImmediate(() => console.log('i4'));
});

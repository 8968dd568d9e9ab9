async function a() {
  console.log('a1');
  await undefined;
  console.log('a2');
  await undefined;
  console.log('a3');
}
async function b() {
  console.log('b1');
  await undefined;
  console.log('b2');
  await undefined;
  console.log('b3');
}
a();
b();
console.log('sync done');

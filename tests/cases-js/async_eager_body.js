// An async function runs synchronously until its first await.
async function f() {
  console.log('f starts');
  await null;
  console.log('f resumes');
}
console.log('before');
f();
console.log('after');

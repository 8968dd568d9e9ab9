async function f() {
  try {
    await null;
    return 'from try';
  } finally {
    console.log('finally runs before the caller sees the value');
  }
}
f().then((v) => console.log(v));

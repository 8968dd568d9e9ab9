async function fail() { await null; throw new Error('failed'); }
async function main() {
  try {
    await fail();
  } catch (e) {
    console.log('caught', e.message);
  } finally {
    console.log('finally');
  }
  return 'ok';
}
main().then(console.log);

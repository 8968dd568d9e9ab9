async function main() {
  const r = await fetch('https://example.com');
}
main();

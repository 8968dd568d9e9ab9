// regular expressions inside async code: validate inputs as they "arrive"
const emails = ['ada@example.com', 'not-an-email', 'grace.hopper@navy.mil', 'x@y'];
const valid = /^[\w.+-]+@([\w-]+\.)+[a-z]{2,}$/i;
const arrive = (v, i) => new Promise((r) => setTimeout(() => r(v), 100 * (i + 1)));
(async () => {
  for (const [i, e] of emails.entries()) {
    const got = await arrive(e, i);
    const domain = got.match(/@(.+)$/)?.[1] ?? '(none)';
    console.log(valid.test(got) ? 'ok ' : 'bad', got.padEnd(22), domain.replace(/\./g, ' dot '));
  }
})();

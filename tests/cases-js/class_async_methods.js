const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
class Account {
  constructor(balance) { this.balance = balance; }
  async withdraw(n) {
    const b = this.balance;
    await sleep(10);
    this.balance = b - n;
    return this.balance;
  }
}
const acct = new Account(100);
Promise.all([acct.withdraw(30), acct.withdraw(50)]).then((r) => console.log('race condition:', r, acct.balance));

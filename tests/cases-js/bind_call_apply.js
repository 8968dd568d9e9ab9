function greet(greeting, punct) { return `${greeting}, ${this.name}${punct}`; }
const bob = { name: 'Bob' };
console.log(greet.call(bob, 'Hi', '!'), greet.apply(bob, ['Hey', '?']));
const bound = greet.bind(bob, 'Yo');
console.log(bound('.'), bound.name);
const obj = { n: 1, arrow: () => typeof this, method() { return [1].map(() => this.n); } };
console.log(obj.method());

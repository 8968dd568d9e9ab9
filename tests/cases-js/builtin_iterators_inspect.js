// built-in iterators print as Node prints them, and resume where they stopped
console.log([1,2].values(), [1].entries(), "ab".matchAll(/a/g), [...[1,2].values()], [1].keys().next());
const it = [3, 4][Symbol.iterator](); it.next(); console.log(it, [...it]);

// symbols as hidden object keys: a per-object cache that JSON and
// Object.keys skip, shared through Symbol.for
const CACHE = Symbol.for('app.cache');
function memo(obj, key, compute) {
  obj[CACHE] ??= new Map();
  if (!obj[CACHE].has(key)) obj[CACHE].set(key, compute());
  return obj[CACHE].get(key);
}
const user = { name: 'ada' };
console.log(memo(user, 'upper', () => user.name.toUpperCase()), memo(user, 'upper', () => 'never'));
console.log(JSON.stringify(user), Object.keys(user), user[Symbol.for('app.cache')].size, Symbol.keyFor(CACHE));
console.log(user);

// Symbol values: descriptions, uniqueness, Symbol.for, symbol keys (hidden
// from Object.keys, for-in and JSON, shown by console.log)
const s = Symbol('foo');
console.log(s, typeof s, s.toString(), s.description, Symbol().description);
console.log(Symbol('x') === Symbol('x'), Symbol.for('app') === Symbol.for('app'), Symbol.keyFor(Symbol.for('app')));
const obj = { [s]: 1, x: 2 };
console.log(obj, obj[s], Object.keys(obj), s in obj, JSON.stringify(obj));
for (const k in obj) console.log('key', k);
console.log([Symbol.iterator, Symbol.asyncIterator], { [Symbol('m')]() {} });
try { `${s}`; } catch (e) { console.log(e.name + ': ' + e.message); }
try { s + 1; } catch (e) { console.log(e.name + ': ' + e.message); }
try { new Symbol(); } catch (e) { console.log(e.name + ': ' + e.message); }
console.log(String(s), [s].length, Boolean(s));

function tag(s, ...v) { return s.raw.join('|') + ' ' + s.join('|') + ' ' + v.join(','); }
console.log(tag`a${1}b\n${2}c`, tag`plain`, String.raw`a\nb${1}\t`, String.raw({ raw: ['x', 'y', 'z'] }, 1, 2));
const site = (s) => s; const f = () => site`same`; console.log(f() === f(), Object.isFrozen(f()));
const obj = { name: 'o', tag(s, x) { return this.name + s[0] + x; } }; console.log(obj.tag`<${42}>`);
console.log((1.005).toFixed(2), (123.456).toPrecision(4), (0.000123).toPrecision(2), (1e21).toFixed(2), (123456).toPrecision(2), (0.5).toPrecision(1), (2.5).toPrecision(1), (1.45).toPrecision(2), (-7.25).toPrecision(3), (0).toPrecision(3), (1e-7).toPrecision(2), (99.99).toPrecision(3));
const a = { x: 1, list: [1, , 3], when: new Date(5), m: new Map([[1, { deep: true }]]), s: new Set(['a']) }; a.self = a;
const c = structuredClone(a); console.log(c, c.self === c, c.list === a.list, c.m.get(1) === a.m.get(1));
try { structuredClone({ f() {} }); } catch (e) { console.log(e.name, e.message.endsWith("could not be cloned.")); }
class K { constructor() { this.v = 1; } } console.log(structuredClone(new K()), structuredClone(new Error('boom')).message);

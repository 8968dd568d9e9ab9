const o = { a: 1, b: [true, null, 'x'], c: { d: undefined, e: 2.5 }, f: () => 1 };
console.log(JSON.stringify(o));
console.log(JSON.stringify(o, null, 2));
console.log(JSON.stringify([undefined, () => 1]), JSON.stringify('q"uote'), JSON.stringify(undefined));
const back = JSON.parse('{"x": [1, 2, {"y": "z"}], "n": -1.5e2, "t": true}');
console.log(back, back.x[2].y);
try { JSON.parse('{"a":'); } catch (e) { console.log(e.name); }

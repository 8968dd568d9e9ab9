const fns = [];
for (let i = 0; i < 3; i++) fns.push(() => i);
console.log(fns.map((f) => f()));
var vfns = [];
for (var j = 0; j < 3; j++) vfns.push(() => j);
console.log(vfns.map((f) => f()));
for (let i = 0; i < 3; i++) setTimeout(() => console.log('timer i', i), 10 * i);

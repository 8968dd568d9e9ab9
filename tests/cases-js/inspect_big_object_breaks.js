const o = {};
for (let i = 0; i < 10; i++) o['key' + i] = i * 1000;
console.log(o);
const arr = [];
for (let i = 0; i < 26; i++) arr.push(String.fromCharCode ? 'item' + i : i);
console.log(arr);

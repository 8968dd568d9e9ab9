const d = new Date(86400000 + 3600000 * 5 + 123);
console.log(d.toISOString(), d.getTime(), JSON.stringify({ d }));
console.log(new Date(0));
setTimeout(() => console.log(new Date()), 2500);

const t = setTimeout(() => {}, 10);
console.log(t.hasRef());
t.unref();
console.log(t.hasRef());
t.ref();

const p = Promise.resolve().then(() => p);
p.catch((e) => console.log(e.name, e.message));

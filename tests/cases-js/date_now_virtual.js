console.log(Date.now());
setTimeout(() => {
  console.log(Date.now());
  console.log(new Date().toISOString());
}, 1234);

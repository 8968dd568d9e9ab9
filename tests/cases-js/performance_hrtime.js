setTimeout(() => {
  console.log(performance.now());
  console.log(process.hrtime());
}, 1500);

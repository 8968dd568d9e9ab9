let n = 0;
const iv = setInterval(() => console.log('interval', ++n), 100);
setTimeout(() => { clearInterval(iv); console.log('stop'); }, 350);

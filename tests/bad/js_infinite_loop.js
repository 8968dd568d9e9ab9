console.log('spin');
while (true) {}

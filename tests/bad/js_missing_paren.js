console.log('x';

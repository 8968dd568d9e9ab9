console.log('one');
null.x;

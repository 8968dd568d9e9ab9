process.stdout.write('partial ');
process.stdout.write('line\n');
process.stdout.write('a\nb\n');
process.stdout.write('unfinished');
setTimeout(() => console.log(' then a log'), 10);

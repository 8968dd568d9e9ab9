let t;
t = setTimeout(() => console.log('fired at', Date.now()), 100);
setTimeout(() => { t.refresh(); console.log('refreshed at', Date.now()); }, 60);

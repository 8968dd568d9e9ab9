setInterval(() => {}, 1);

const a = new Array(1e9);

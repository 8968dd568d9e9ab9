const n = 1n + 1;

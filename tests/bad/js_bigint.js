const big = 1.5n;

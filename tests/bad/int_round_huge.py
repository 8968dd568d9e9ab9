x = round(1e300)

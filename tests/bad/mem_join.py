x = ",".join(["abcdefgh"] * 10**8)

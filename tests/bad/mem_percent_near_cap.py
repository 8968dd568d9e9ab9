try:
    s = "%.300000000d" % 1
except BaseException as e:
    print("caught", type(e).__name__)
print("after")

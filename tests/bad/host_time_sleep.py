import time
time.sleep(100000)
print("slept")

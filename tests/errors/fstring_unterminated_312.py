# loopscope: python 3.12
# 3.12's message for an f-string that does not end
print(f"{1 + 2} and more)

# loopscope: python 3.11
# same quotes inside an f-string's field are 3.12+ (PEP 701): 3.11 refuses them
users = {"ada": 36}
print(f"{users["ada"]}")

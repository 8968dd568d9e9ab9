# all() over range(1, 10**18) never checked the op budget.
print(all(range(1, 10**18)))

# max() over range(10**18) never checked the op budget.
print(max(range(10**18)))

# sum() over range(10**18) was one C loop that never checked the op budget.
print(sum(range(10**18)))

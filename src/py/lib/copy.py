# copy: copy and deepcopy of the built-in containers and of instances
# (their attributes copied through the object's own class), written for
# loopscope. Memoised, so shared and cyclic structure survives deepcopy.


class Error(Exception):
    pass


def copy(x):
    if isinstance(x, list):
        return list(x)
    if isinstance(x, dict):
        return dict(x)
    if isinstance(x, set):
        return set(x)
    return x


def deepcopy(x, memo=None):
    if memo is None:
        memo = {}
    key = id(x)
    if key in memo:
        return memo[key]
    if isinstance(x, list):
        y = []
        memo[key] = y
        for v in x:
            y.append(deepcopy(v, memo))
        return y
    if isinstance(x, dict):
        y = {}
        memo[key] = y
        for k in x:
            y[deepcopy(k, memo)] = deepcopy(x[k], memo)
        return y
    if isinstance(x, tuple):
        y = tuple(deepcopy(v, memo) for v in x)
        memo[key] = y
        return y
    if isinstance(x, set):
        y = set(deepcopy(v, memo) for v in x)
        memo[key] = y
        return y
    return x

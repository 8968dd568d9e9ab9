# time.sleep(nan) made the clock NaN and spun forever; CPython raises.
import time
for v in [float("nan"), float("inf"), -1.0]:
    try:
        time.sleep(v)
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
time.sleep(float("nan"))

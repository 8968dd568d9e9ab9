# time: the clock functions on loopscope's virtual clock (the C half,
# _ctime, reads and moves it), and the calendar functions (gmtime,
# localtime, strftime, ...) on the virtual epoch: virtual time 0 is
# 1970-01-01 00:00:00 UTC, and the local time zone is UTC.
# export: sleep time monotonic perf_counter
from _ctime import sleep, time, monotonic, perf_counter

# A naive O(n*m) search took hours here; find/rfind/count/split/replace/in
# are linear now.
h = "a" * 10000000
n = "a" * 5000000 + "b"
print(n in h, h.find(n), h.rfind("b" + n), h.count(n), len(h.split(n)), len(h.replace(n, "")))
print(h.partition(n)[1] == "", h.rpartition("b" + n)[1] == "", h.index("a" * 5000000))

# loopscope: python 3.11
# a comment inside a multi-line f-string field is 3.12+ (PEP 701)
n = 2
print(f"""{n  # how many
}""")

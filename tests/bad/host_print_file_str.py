print("x", file="/etc/passwd")

import if

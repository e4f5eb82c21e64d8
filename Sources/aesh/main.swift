import AeshShell
print("aesh \(aeshVersion)")

import ArgumentParser
import Kensa

print("kensa")

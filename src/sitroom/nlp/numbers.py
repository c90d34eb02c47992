"""English number words, one table for every extractor that reads counts or years."""

from __future__ import annotations

ONES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
TEENS = {
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
# Every word below a hundred that stands for its own value.
UNITS = {"zero": 0, **ONES, **TEENS, **TENS}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}

"""Language rules in one place: which characters are Chinese, where a line may break, English
month and weekday names, and the word lists that say where a sentence may be cut.

Code that needs such a rule imports it from here instead of keeping its own copy, so a fix (a
missing closing mark, a month spelling) reaches every stage at once:

- :mod:`.script`: CJK character ranges, closing marks, line-break (kinsoku) sets.
- :mod:`.calendar_words`: English month and weekday names, from babel's CLDR data.
- :mod:`.clause_words`: Chinese and English lead-ins, connectives, list markers and the other
  words :mod:`briefgen.text.compress` and the summarizers use to judge a clause.
"""

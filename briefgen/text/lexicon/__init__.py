"""Language rules in one place: which characters are Chinese, which marks open and close,
where a line may break, English month and weekday names, and the word lists that say what a
clause is and where a sentence may be cut.

Code that needs such a rule imports it from here instead of keeping its own copy, so a fix (a
missing closing mark, a month spelling) reaches every stage at once:

- :mod:`.script`: CJK character ranges, the bracket table and its closing marks, the line-break
  (kinsoku) sets shared by the PPTX fit and the chart pictures, the wide-character test.
- :mod:`.calendar_words`: English month and weekday names, from babel's CLDR data.
- :mod:`.clause_words`: Chinese and English lead-ins, connectives, list markers and the other
  words :mod:`briefgen.text.compress`, the summarizers and sentence splitting use to judge a clause.
"""

"""Performance benchmark of occprofile, each figure a ratio against the obvious alternative.

Run it from the repository root as ``python -m benchmarks`` (or
``python benchmarks/bench.py``); figures are in docs/performance.md.

- :mod:`benchmarks.harness`: how things are timed and reported (fresh
  processes run interleaved, in-process loops, medians, ratios, the table).
- :mod:`benchmarks.subject`: the occupation and ranking the questions ask about.
- :mod:`benchmarks.sqlite_reference`: the alternative, the upstream OEWS
  SQLite file, and the check that it gives the same answer.
- One module per question family: :mod:`benchmarks.cold_start`,
  :mod:`benchmarks.warm`, :mod:`benchmarks.profiles`,
  :mod:`benchmarks.integrity`, :mod:`benchmarks.career`, :mod:`benchmarks.across`
  (questions across occupations), :mod:`benchmarks.footprint`, :mod:`benchmarks.tables`.
- :mod:`benchmarks.__main__`: the command line, which runs them in that order.
"""

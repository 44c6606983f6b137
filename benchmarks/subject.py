"""What the questions ask about, the same in every question family.

One occupation (43-6013, Medical Secretaries and Administrative Assistants),
its O*NET-SOC code, the length of a ranking, and the metro area of the
single-estimate question (Los Angeles, asked by name as a user would).
"""

from __future__ import annotations

OCCUPATION = "43-6013"
ONET_CODE = "43-6013.00"
TOP_N = 10
#: The estimate question's area: asked by name, answered as this OEWS area code.
AREA_QUERY = "Los Angeles"
AREA_CODE = "0031080"
#: The figures an estimate's answer is compared on: (occprofile field, OEWS datatype).
ESTIMATE_FIGURES = (("employment", "01"), ("hourly_median", "08"), ("annual_median", "13"))

"""What the questions ask about, the same in every question family.

One occupation (43-6013, Medical Secretaries and Administrative Assistants),
its O*NET-SOC code, and the length of a ranking.
"""

from __future__ import annotations

OCCUPATION = "43-6013"
ONET_CODE = "43-6013.00"
TOP_N = 10

"""Fixed option sets and defaults a user picks by name, in one Qt- and SQL-free place.

The services validate against them and the command line offers them as ``choices`` and
defaults in its help. Defined here, not in the services, so that building the CLI's
parser (``winback import --help``) does not import SQLAlchemy and every service just to
list five words; the services re-export them under their old names.
"""

from __future__ import annotations

#: ``winback import --mode``: add new customers and update known ones, or only add
IMPORT_MODES = ("upsert", "insert-only")
#: a row matching a customer already stored
IMPORT_ON_DUPLICATE = ("skip", "update")
#: two rows of one file naming the same customer
IMPORT_ON_CONFLICT = ("reject", "first", "last")
#: how a campaign orders its queue: by SLTV, or by SLTV times the win chance
QUEUE_ORDERS = ("sltv", "expected_value")
#: the channels a long-term plan's steps use
PLAN_CHANNELS = ("letter", "email", "sms", "call", "visit")
#: how call recordings are named (``winback recordings scan --pattern``)
RECORDING_PATTERN = "{agent}_{phone}_{time:%Y%m%d-%H%M%S}"
#: the figures the leaderboard ranks by
LEADERBOARD_METRICS = ("points", "win_backs", "sltv_recovered_minor", "saves",
                       "sltv_saved_minor")
#: the demo team's size and its random seed (same seed, same demo)
DEMO_CUSTOMERS = 20_000
DEMO_SEED = 20261123

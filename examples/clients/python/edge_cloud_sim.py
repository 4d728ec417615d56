"""A small edge-cloud simulation that delegates every scheduling decision to
lepton-sched over `serve --stdio` (see lepton_sched_client.py).

Twelve tasks arrive every 2 s; two edge boxes and a cloud run them. The cloud
really runs 2x slower than estimated and edge-1 1.5x; the online estimator
learns that from the completions it is told about. Prints one JSON document:
each task's placement and the devices' learned ratios.

    python3 edge_cloud_sim.py            # uses `npx lepton-sched`
    LEPTON_SCHED_CMD="node dist/cli.js" python3 edge_cloud_sim.py
"""
import json

from lepton_sched_client import LeptonSched

DEVICES = [
    {"id": "edge-0", "tier": "edge"},
    {"id": "edge-1", "tier": "edge"},
    {"id": "cloud", "tier": "cloud"},
]
SLOWDOWN = {"edge-0": 1.0, "edge-1": 1.5, "cloud": 2.0}


def arrivals():
    for k in range(12):
        yield 2 * k, {
            "id": f"t{k:02d}",
            "execTime": [4 + k % 3, 5 + k % 2, 1.5 if k % 4 else float("inf")],
            "transferTime": [0, 0, 2 + k % 2],
        }


def run(ls):
    state = ls.create_online_state(DEVICES)
    placed = []

    def actual_finish(state, p):
        # When the task really ends: its planned start and transfer, then the
        # device's true execution time (the estimator does not know it).
        return p["start"] + p["transfer"] + p["nominalExec"] * SLOWDOWN[state["devices"][p["device"]]["id"]]

    def complete_until(state, now):
        due = sorted((p for p in state["pending"] if actual_finish(state, p) <= now), key=lambda p: (actual_finish(state, p), p["id"]))
        for p in due:
            device = state["devices"][p["device"]]["id"]
            state = ls.complete(state, p["id"], {"exec": p["nominalExec"] * SLOWDOWN[device]})
        return state

    for now, task in arrivals():
        state = complete_until(state, now)
        r = ls.submit(state, [task], now, {"strategy": "mct"})
        state = r["state"]
        d = r["decisions"][0]
        placed.append({"id": d["id"], "device": d["deviceId"], "start": d["start"], "finish": d["finish"]})
    state = complete_until(state, float("inf"))
    return {"placed": placed, "ratios": {d["id"]: d["ratio"] for d in state["devices"]}, "completed": state["completed"]}


if __name__ == "__main__":
    with LeptonSched() as ls:
        print(json.dumps(run(ls), sort_keys=True))

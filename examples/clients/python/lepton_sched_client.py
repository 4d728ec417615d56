"""A client for `lepton-sched serve --stdio`, standard library only.

Starts the server as a child process and calls the online API over JSON
lines: one request per line on the child's stdin, one response per line on
its stdout. Infinity travels as the string "Infinity" (JSON has none).

    from lepton_sched_client import LeptonSched
    with LeptonSched() as ls:
        state = ls.create_online_state([{"id": "edge", "tier": "edge"}])
        r = ls.submit(state, [{"id": "a", "execTime": [4]}], 0)

A library error comes back as LeptonSchedError with the library's class name
(InputTypeError, InputRangeError, InfeasibleError), its message, fn and field.
"""
import json
import math
import os
import subprocess


class LeptonSchedError(Exception):
    """An error response: `cls` is the library's error class name."""

    def __init__(self, cls, message, fn=None, field=None):
        super().__init__(f"{cls}: {message}")
        self.cls = cls
        self.message = message
        self.fn = fn
        self.field = field


def _encode(value):
    if isinstance(value, float) and math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    if isinstance(value, dict):
        return {k: _encode(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_encode(v) for v in value]
    return value


class LeptonSched:
    """The server as a child process; use as a context manager."""

    def __init__(self, command=None):
        # Default: the CLI from the environment (LEPTON_SCHED_CMD, split on
        # spaces) or `npx lepton-sched`.
        if command is None:
            command = os.environ.get("LEPTON_SCHED_CMD", "npx lepton-sched").split()
        self._proc = subprocess.Popen(
            command + ["serve", "--stdio"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        self._next = 0

    def call(self, method, **params):
        """Sends one request and returns its result (or raises LeptonSchedError)."""
        self._next += 1
        request = {"id": self._next, "method": method, "params": _encode(params)}
        self._proc.stdin.write(json.dumps(request) + "\n")
        self._proc.stdin.flush()
        line = self._proc.stdout.readline()
        if line == "":
            raise LeptonSchedError("ConnectionError", "the server closed its output")
        response = json.loads(line)
        if response.get("id") != self._next:
            raise LeptonSchedError("ProtocolError", f"expected the response to request {self._next}, got {line!r}")
        if "error" in response:
            e = response["error"]
            raise LeptonSchedError(e["class"], e["message"], e.get("fn"), e.get("field"))
        return response["result"]

    def create_online_state(self, devices, options=None):
        return self.call("createOnlineState", devices=devices, **({} if options is None else {"options": options}))

    def submit(self, state, tasks, now, options=None):
        return self.call("submit", state=state, tasks=tasks, now=now, **({} if options is None else {"options": options}))

    def complete(self, state, task_id, observed):
        return self.call("complete", state=state, taskId=task_id, observed=observed)

    def close(self):
        if self._proc.poll() is None:
            self._proc.stdin.close()
            self._proc.wait(timeout=30)
        return self._proc.returncode

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False

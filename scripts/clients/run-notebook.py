"""Executes a notebook with a Jupyter kernel and writes the executed copy.

Usage: python3 run-notebook.py KERNEL_NAME IN.ipynb OUT.ipynb

Why not `jupyter nbconvert --execute`: nbconvert (through nbclient) stops
reading a cell's outputs at the kernel's `status: idle` message, and Deno's
kernel (2.9.6) sometimes publishes `idle` *before* the cell's result (seen
here: in roughly one run in two one picture or text block went missing).
This runner uses the same Jupyter client library (Debian's jupyter_client
and nbformat) but a cell is done only once the shell reply has arrived, the
kernel has gone idle, and no further message for that cell arrives for a
short quiet period. The kernel runs with the notebook's folder as its
working directory, as nbconvert does. Stops at the first cell that fails
(exit status 1), like nbconvert, after writing what ran.
"""
import os
import queue
import sys
import time

import nbformat
from jupyter_client.manager import start_new_kernel

QUIET_S = 0.5
CELL_TIMEOUT_S = 600


def run_cell(kc, source):
    msg_id = kc.execute(source, store_history=True, allow_stdin=False)
    outputs, count, reply, idle = [], None, None, False
    deadline = time.monotonic() + CELL_TIMEOUT_S
    last = time.monotonic()
    while True:
        if time.monotonic() > deadline:
            raise TimeoutError(f'cell did not finish in {CELL_TIMEOUT_S} s')
        if reply is None:
            try:
                msg = kc.get_shell_msg(timeout=0.01)
                if msg['parent_header'].get('msg_id') == msg_id:
                    reply = msg['content']
                    last = time.monotonic()
            except queue.Empty:
                pass
        try:
            msg = kc.get_iopub_msg(timeout=0.05)
        except queue.Empty:
            if reply is not None and idle and time.monotonic() - last > QUIET_S:
                return outputs, reply.get('execution_count', count), reply
            continue
        if msg['parent_header'].get('msg_id') != msg_id:
            continue
        last = time.monotonic()
        kind, content = msg['msg_type'], msg['content']
        if kind == 'status':
            idle = idle or content['execution_state'] == 'idle'
        elif kind == 'execute_input':
            count = content.get('execution_count')
        elif kind in ('stream', 'display_data', 'execute_result', 'error'):
            outputs.append(nbformat.v4.output_from_msg(msg))
        elif kind == 'clear_output':
            outputs = []


def main():
    kernel, src, dst = sys.argv[1:4]
    nb = nbformat.read(src, as_version=4)
    km, kc = start_new_kernel(kernel_name=kernel, cwd=os.path.dirname(os.path.abspath(src)), startup_timeout=120)
    failed = False
    try:
        for cell in nb.cells:
            if cell.cell_type != 'code':
                continue
            cell.outputs, cell.execution_count, reply = run_cell(kc, cell.source)
            if reply.get('status') != 'ok':
                print(f'cell {cell.execution_count} failed: {reply.get("ename")}: {reply.get("evalue")}', file=sys.stderr)
                failed = True
                break
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    nbformat.write(nb, dst)
    print(f'executed {sum(c.cell_type == "code" and c.execution_count is not None for c in nb.cells)} code cells with kernel {kernel}: {dst}')
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()

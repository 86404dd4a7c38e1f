"""Run FalkorDB (redis-server + module) and relay Bolt to it through a loopback socket handed in by the parent.

Started by ``tests/falkordb_server.py``, normally under ``unshare --net``: the
server then lives in a private network namespace whose only interface is its
own loopback, so its Bolt port (which FalkorDB binds on every interface) is
reachable from nowhere else. The parent passes an already listening socket
bound to 127.0.0.1 in the parent's namespace (``--listen-fd``); each
connection accepted on it is relayed to the Bolt port inside. The relay also
works around a FalkorDB bug: after a Bolt session ends the server stalls until
the next Bolt connection, which then gets no handshake reply; see ``relay``.

Prints ``ready`` on stdout once Bolt answers; exits (stopping the server) when
its stdin closes or on SIGTERM.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import selectors
import signal
import socket
import struct
import subprocess
import sys
import threading
import time

SIOCGIFFLAGS, SIOCSIFFLAGS, IFF_UP = 0x8913, 0x8914, 0x1


def loopback_up() -> None:
    """Bring ``lo`` up: a new network namespace starts with it down."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        ifr = struct.pack("16sH22x", b"lo", 0)
        flags = struct.unpack("16sH22x", fcntl.ioctl(s, SIOCGIFFLAGS, ifr))[1]
        fcntl.ioctl(s, SIOCSIFFLAGS, struct.pack("16sH22x", b"lo", flags | IFF_UP))


def poke(port: int) -> None:
    with socket.create_connection(("127.0.0.1", port), timeout=2):
        pass


def wait_for_bolt(port: int, proc: subprocess.Popen, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"redis-server exited with {proc.returncode} before Bolt was up")
        try:
            poke(port)
            return
        except OSError:
            time.sleep(0.05)
    raise SystemExit(f"Bolt port {port} did not open within {timeout:.0f} s")


def shut_down(*socks: socket.socket) -> None:
    """Shut both directions of each socket, whatever state it is in."""
    for s in socks:
        try:
            s.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


def pump(src: socket.socket, dst: socket.socket) -> None:
    try:
        while True:
            data = src.recv(65536)
            if not data:
                break
            dst.sendall(data)
    except OSError:
        pass
    finally:
        shut_down(src, dst)


# When a Bolt session ends, FalkorDB's main thread blocks until the next Bolt connection
# arrives: Redis commands (the falkordb client's) wait meanwhile, and that next connection gets
# no handshake reply (the driver gives up after 60 s). So the relay opens and drops a bare
# connection ("poke") after every session it relays, which unblocks the server, and another
# before each new upstream connection. As a safety net it also does the handshake itself: it
# forwards the client's 20-byte handshake on a fresh upstream connection and, if no 4-byte reply
# comes within HANDSHAKE_WAIT, drops that connection and tries another.
HANDSHAKE = 20  # 4 bytes of magic + 4 proposed versions of 4 bytes
HANDSHAKE_WAIT = 0.25  # seconds; a live server answers in a few milliseconds
ATTEMPTS = 40


def recv_exactly(sock: socket.socket, n: int) -> bytes:
    data = b""
    while len(data) < n:
        chunk = sock.recv(n - len(data))
        if not chunk:
            raise OSError("connection closed during the handshake")
        data += chunk
    return data


def open_upstream(port: int, hello: bytes) -> tuple[socket.socket, bytes]:
    """An upstream connection that answered the client's handshake, and its answer."""
    for _ in range(ATTEMPTS):
        poke(port)  # most often enough on its own
        upstream = socket.create_connection(("127.0.0.1", port), timeout=HANDSHAKE_WAIT)
        try:
            upstream.sendall(hello)
            answer = recv_exactly(upstream, 4)
            upstream.settimeout(None)
            return upstream, answer
        except OSError:  # socket.timeout included: this one will never answer
            upstream.close()
    raise OSError(f"no handshake answer from the Bolt port in {ATTEMPTS} attempts")


def relay(client: socket.socket, port: int) -> None:
    try:
        client.settimeout(30)
        hello = recv_exactly(client, HANDSHAKE)
        client.settimeout(None)
        upstream, answer = open_upstream(port, hello)
        client.sendall(answer)
    except OSError:
        client.close()
        return
    for s in (client, upstream):
        s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    back = threading.Thread(target=pump, args=(upstream, client), daemon=True)
    back.start()
    pump(client, upstream)
    back.join()
    client.close()
    upstream.close()
    try:
        poke(port)  # the session's end left FalkorDB's main thread waiting for a new Bolt connection
    except OSError:
        pass


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--listen-fd", type=int, required=True)
    ap.add_argument("--redis-server", required=True)
    ap.add_argument("--module", required=True)
    ap.add_argument("--dir", required=True)
    ap.add_argument("--unixsocket", required=True)
    ap.add_argument("--bolt-port", type=int, required=True)
    ap.add_argument("--isolated", action="store_true", help="running in a fresh network namespace")
    args = ap.parse_args(argv)

    if args.isolated:
        loopback_up()
    listener = socket.socket(fileno=args.listen_fd)
    log = open(os.path.join(args.dir, "redis.log"), "ab")
    proc = subprocess.Popen(
        [args.redis_server, "--bind", "127.0.0.1", "--port", "0", "--unixsocket", args.unixsocket,
         "--unixsocketperm", "700", "--save", "", "--appendonly", "no", "--dir", args.dir,
         "--loadmodule", args.module, "BOLT_PORT", str(args.bolt_port)],
        stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)

    def stop(*_):
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
        os._exit(0)

    signal.signal(signal.SIGTERM, stop)
    try:
        wait_for_bolt(args.bolt_port, proc, 30)
    except SystemExit as exc:
        print(exc, file=sys.stderr, flush=True)
        stop()
    print("ready", flush=True)

    sel = selectors.DefaultSelector()
    sel.register(listener, selectors.EVENT_READ)
    sel.register(sys.stdin, selectors.EVENT_READ)
    while True:
        for key, _ in sel.select(timeout=1.0):
            if key.fileobj is listener:
                client, _ = listener.accept()
                threading.Thread(target=relay, args=(client, args.bolt_port), daemon=True).start()
            elif not sys.stdin.buffer.read1(1):  # the parent is gone
                stop()
        if proc.poll() is not None:  # the server died (FalkorDB can segfault): stop relaying
            print(f"redis-server exited with {proc.returncode}", file=sys.stderr, flush=True)
            stop()


if __name__ == "__main__":
    sys.exit(main())

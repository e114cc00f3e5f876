#!/usr/bin/env python3
# se-old-server.py: a server that says it is PostgreSQL 12
#
# Copyright 2026 The Staff Exchange authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Debian 12 has no PostgreSQL older than 15 to run, so this answers a
# client's connection as a PostgreSQL 12 server would: it refuses TLS
# and GSSAPI, accepts the start-up without a password, reports
# server_version 12.22 and closes the connection at the client's next
# message. It serves nothing else: a client that checks the version (the
# app refuses anything older than 13) goes no further. Listens on 127.0.0.1 at a
# port of its own, which it prints on its first line; runs until killed.

import socket
import struct
import sys
import threading

SSL_REQUEST = 80877103
GSSENC_REQUEST = 80877104


def message(kind, payload=b""):
    return kind + struct.pack("!I", len(payload) + 4) + payload


def serve(conn):
    with conn:
        while True:
            head = conn.recv(8, socket.MSG_WAITALL)
            if len(head) < 8:
                return
            length, code = struct.unpack("!II", head)
            rest = conn.recv(length - 8, socket.MSG_WAITALL) if length > 8 else b""
            if code in (SSL_REQUEST, GSSENC_REQUEST):
                conn.sendall(b"N")
                continue
            del rest  # the start-up packet: user, database, options
            break
        status = [(b"server_version", b"12.22"), (b"server_encoding", b"UTF8"),
                  (b"client_encoding", b"UTF8"), (b"DateStyle", b"ISO, YMD"),
                  (b"integer_datetimes", b"on"), (b"standard_conforming_strings", b"on")]
        out = message(b"R", struct.pack("!I", 0))
        for name, value in status:
            out += message(b"S", name + b"\0" + value + b"\0")
        out += message(b"K", struct.pack("!II", 4242, 4242))
        out += message(b"Z", b"I")
        conn.sendall(out)
        # The client's next message ends it: Terminate from a client that
        # refuses the version, a query from one that did not look at it
        # (which then fails at once instead of waiting for an answer)
        conn.recv(4096)


def main():
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    print(listener.getsockname()[1], flush=True)
    while True:
        conn, _ = listener.accept()
        threading.Thread(target=serve, args=(conn,), daemon=True).start()


if __name__ == "__main__":
    sys.exit(main())

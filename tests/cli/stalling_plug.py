#!/usr/bin/env python3
"""A smart plug for the CLI tests that stops answering.

    stalling_plug.py GOOD PORTFILE

Listens on 127.0.0.1 (a free port, written to PORTFILE once it listens), answers its first
GOOD requests like a Shelly Gen2 plug, and from then on accepts every connection, reads the
request and never answers, keeping the connection open: only the client's own deadline can
end such a request. Runs until killed.
"""
import os
import socket
import sys

REPLY = (b"HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n"
         b'{"id":0,"apower":12.5,"aenergy":{"total":1.0}}')


def main():
    good, portfile = int(sys.argv[1]), sys.argv[2]
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    with open(portfile + ".tmp", "w") as f:
        f.write(str(server.getsockname()[1]))
    os.rename(portfile + ".tmp", portfile)  # the test sees the whole port or nothing
    held = []  # connections it stopped answering, kept open
    served = 0
    while True:
        conn, _ = server.accept()
        conn.recv(4096)
        if served < good:
            conn.sendall(REPLY)
            conn.close()
        else:
            held.append(conn)
        served += 1


if __name__ == "__main__":
    main()

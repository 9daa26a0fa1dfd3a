"""A loopback SMTP server for the integration tests: each message it receives is written
to DIRECTORY as a numbered .eml file; the port it listens on goes to DIRECTORY/port.

    python3 smtp_sink.py DIRECTORY

Uses Python 3.11's smtpd module (deprecated, still in Debian 12) so that the tests need
nothing beyond the standard library.
"""
import asyncore
import os
import sys
import warnings

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    import smtpd


class Sink(smtpd.SMTPServer):
    def __init__(self, directory):
        super().__init__(("127.0.0.1", 0), None, decode_data=False)
        self.directory = directory
        self.count = 0

    def process_message(self, peer, mailfrom, rcpttos, data, **kwargs):
        self.count += 1
        envelope = f"X-Envelope-From: {mailfrom}\r\nX-Envelope-To: {','.join(rcpttos)}\r\n"
        path = os.path.join(self.directory, f"{self.count:04d}.eml")
        with open(path + ".tmp", "wb") as out:
            out.write(envelope.encode() + data)
        os.rename(path + ".tmp", path)


def main():
    directory = sys.argv[1]
    sink = Sink(directory)
    port = sink.socket.getsockname()[1]
    with open(os.path.join(directory, "port.tmp"), "w") as out:
        out.write(str(port))
    os.rename(os.path.join(directory, "port.tmp"), os.path.join(directory, "port"))
    asyncore.loop(timeout=0.2)


if __name__ == "__main__":
    main()

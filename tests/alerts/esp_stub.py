"""A local stand-in for Mailgun's and Postmark's send APIs, close enough for Anymail's real
backends: Mailgun's form-encoded batch send with recipient-variables (POST /v3/<domain>/messages)
and Postmark's JSON /email/batch (and /email for one message). It records every message a
recipient would receive, and can be told to fail: drop the connection, answer 429 or 5xx, sleep
past the client's read timeout after accepting, hang, or refuse particular recipients."""

import base64
import contextlib
import json
import re
import threading
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

from tests.services import QUICK_STOP

MAILGUN_KEY = "key-test"
POSTMARK_TOKEN = "postmark-token-test"
RECIPIENT_FIELD = re.compile(r"%recipient\.([^%]+)%")


@dataclass
class Recorded:
    """One message as one recipient would receive it."""

    esp: str
    to: str
    subject: str
    text: str
    html: str
    headers: dict
    metadata: dict
    message_id: str


@dataclass
class StubState:
    messages: list[Recorded] = field(default_factory=list)
    requests: int = 0
    # Faults for the next requests, consumed in order: "drop", "429", "500", "503",
    # "timeout" (accept, then answer too late) or "hang" (accept, then never answer in time).
    faults: list[str] = field(default_factory=list)
    refuse: set[str] = field(default_factory=set)
    delay: float = 0.0
    sleep_seconds: float = 5.0
    lock: threading.Lock = field(default_factory=threading.Lock)
    request_seen: threading.Condition = field(default_factory=threading.Condition)

    def recipients(self) -> Counter:
        with self.lock:
            return Counter(message.to.lower() for message in self.messages)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: "ESPStub"

    def log_message(self, format, *args):
        pass

    def do_POST(self):
        state = self.server.state
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        with state.lock:
            fault = state.faults.pop(0) if state.faults else ""
        if fault == "drop":
            self.close_connection = True
            self.connection.shutdown(2)
            return self.notify()
        if fault in ("429", "500", "503"):
            self.notify()
            return self.reply(int(fault), {"message": "Try again later", "ErrorCode": 1})
        if state.delay:
            time.sleep(state.delay)
        if self.path.startswith("/v3/") and self.path.endswith("/messages"):
            status, payload = self.mailgun(body)
        elif self.path == "/email/batch":
            status, payload = self.postmark(body)
        elif self.path == "/email":
            # Postmark's single-message API: one object in, one result out.
            status, payload = self.postmark(b"[" + body + b"]")
            payload = payload[0] if status == 200 else payload
        else:
            status, payload = 404, {"message": "Not found"}
        self.notify()
        if fault in ("timeout", "hang"):
            time.sleep(state.sleep_seconds if fault == "timeout" else 3600)
        with contextlib.suppress(OSError):  # the client may have given up waiting
            self.reply(status, payload)

    def notify(self):
        state = self.server.state
        with state.request_seen:
            state.requests += 1
            state.request_seen.notify_all()

    def reply(self, status: int, payload) -> None:
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def record(self, messages: list[Recorded]) -> None:
        with self.server.state.lock:
            self.server.state.messages.extend(messages)

    def mailgun(self, body: bytes):
        expected = "Basic " + base64.b64encode(f"api:{MAILGUN_KEY}".encode()).decode()
        if self.headers.get("Authorization") != expected:
            return 401, {"message": "Invalid private key"}
        form = parse_qs(body.decode(), keep_blank_values=True)
        one = {key: values[0] for key, values in form.items()}
        variables = json.loads(one.get("recipient-variables", "{}"))
        to_list = form.get("to", [])
        if len(to_list) > 1000:
            return 400, {"message": "Too many recipients: the limit is 1000"}
        if any(_addr(to) in self.server.state.refuse for to in to_list):
            return 400, {
                "message": "'to' parameter is not a valid address. please check documentation"
            }
        message_id = f"<{uuid.uuid4().hex}@mg.example.org>"
        recorded = []
        for to in to_list:
            values = variables.get(_addr(to), {})

            def fill(text, values=values):
                return RECIPIENT_FIELD.sub(lambda m: str(values.get(m.group(1), "")), text)

            headers = {k[2:]: fill(v) for k, v in one.items() if k.startswith("h:")}
            metadata = {k[2:]: fill(v) for k, v in one.items() if k.startswith("v:")}
            recorded.append(
                Recorded(
                    "mailgun",
                    _addr(to),
                    fill(one.get("subject", "")),
                    fill(one.get("text", "")),
                    fill(one.get("html", "")),
                    headers,
                    metadata,
                    message_id,
                )
            )
        self.record(recorded)
        return 200, {"id": message_id, "message": "Queued. Thank you."}

    def postmark(self, body: bytes):
        if self.headers.get("X-Postmark-Server-Token") != POSTMARK_TOKEN:
            return 401, {"ErrorCode": 10, "Message": "Bad or missing Server API token."}
        messages = json.loads(body)
        if len(messages) > 500:
            return 422, {"ErrorCode": 300, "Message": "Batch may contain at most 500 messages."}
        results, recorded = [], []
        for message in messages:
            to = _addr(message["To"])
            if to in self.server.state.refuse:
                results.append(
                    {
                        "ErrorCode": 406,
                        "Message": "You tried to send to recipient(s) that have been marked as "
                        f"inactive. Found inactive addresses: {to}. Inactive recipients are "
                        "ones that have generated a hard bounce, a spam complaint, or a manual "
                        "suppression.",
                    }
                )
                continue
            message_id = str(uuid.uuid4())
            headers = {h["Name"]: h["Value"] for h in message.get("Headers", [])}
            recorded.append(
                Recorded(
                    "postmark",
                    to,
                    message.get("Subject", ""),
                    message.get("TextBody", ""),
                    message.get("HtmlBody", ""),
                    headers,
                    message.get("Metadata", {}),
                    message_id,
                )
            )
            results.append(
                {
                    "ErrorCode": 0,
                    "Message": "OK",
                    "MessageID": message_id,
                    "To": message["To"],
                    "SubmittedAt": "2026-11-23T00:00:00Z",
                }
            )
        self.record(recorded)
        return 200, results


def _addr(value: str) -> str:
    match = re.search(r"<([^>]+)>", value)
    return (match.group(1) if match else value).strip().lower()


class ESPStub(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), Handler)
        self.state = StubState()
        self.thread = threading.Thread(target=self.serve_forever, kwargs=QUICK_STOP, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def start(self) -> "ESPStub":
        self.thread.start()
        return self

    def stop(self) -> None:
        self.shutdown()
        self.server_close()

    def wait_for_requests(self, count: int, timeout: float = 30) -> bool:
        with self.state.request_seen:
            return self.state.request_seen.wait_for(
                lambda: self.state.requests >= count, timeout=timeout
            )

"""A small HTTPS client for the deployment test: Python's http.client, our self-signed
certificate as the only CA, cookies kept by hand, and a chosen source address (127.0.0.2), so
nginx sees a client address other than its own and the app's audit trail can tell them apart."""

from __future__ import annotations

import http.client
import re
import ssl
import uuid
from dataclasses import dataclass
from email.message import Message
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode


@dataclass
class Jawaban:
    status: int
    headers: Message
    body: bytes

    @property
    def teks(self) -> str:
        return self.body.decode("utf-8", "replace")

    def satu(self, nama: str) -> str:
        """The header's only value (a header sent twice fails here)."""
        nilai = self.headers.get_all(nama) or []
        assert len(nilai) == 1, f"{nama}: {nilai}"
        return nilai[0]


class Klien:
    def __init__(self, port: int, ca: Path, *, sumber: str = "127.0.0.2") -> None:
        self.port = port
        self.sumber = sumber
        self.origin = f"https://127.0.0.1:{port}"
        self.context = ssl.create_default_context(cafile=str(ca))
        self.cookies: dict[str, str] = {}

    def minta(
        self, metode: str, path: str, body: bytes | None = None, headers: dict | None = None
    ) -> Jawaban:
        conn = http.client.HTTPSConnection(
            "127.0.0.1",
            self.port,
            context=self.context,
            source_address=(self.sumber, 0),
            timeout=60,
        )
        try:
            h = dict(headers or {})
            if self.cookies:
                h["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
            conn.request(metode, path, body=body, headers=h)
            r = conn.getresponse()
            jawaban = Jawaban(r.status, r.headers, r.read())
        finally:
            conn.close()
        for baris in jawaban.headers.get_all("Set-Cookie") or []:
            for nama, morsel in SimpleCookie(baris).items():
                if morsel["max-age"] == "0" or not morsel.value:
                    self.cookies.pop(nama, None)
                else:
                    self.cookies[nama] = morsel.value
        return jawaban

    def get(self, path: str, **headers) -> Jawaban:
        return self.minta("GET", path, headers=headers)

    def _form_headers(self, dari: str) -> dict[str, str]:
        # What a browser sends with a form: Django's CSRF check over HTTPS compares them.
        return {"Origin": self.origin, "Referer": self.origin + dari}

    def post(self, path: str, data: dict[str, str], *, dari: str, **headers) -> Jawaban:
        body = urlencode(data).encode()
        h = {"Content-Type": "application/x-www-form-urlencoded", **self._form_headers(dari)}
        return self.minta("POST", path, body, {**h, **headers})

    def post_berkas(
        self, path: str, data: dict[str, str], berkas: tuple[str, str, bytes], *, dari: str
    ) -> Jawaban:
        batas = uuid.uuid4().hex
        bagian = []
        for k, v in data.items():
            bagian.append(
                f'--{batas}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode()
            )
        nama_field, nama_berkas, isi = berkas
        bagian.append(
            f'--{batas}\r\nContent-Disposition: form-data; name="{nama_field}"; '
            f'filename="{nama_berkas}"\r\nContent-Type: application/json\r\n\r\n'.encode()
            + isi
            + b"\r\n"
        )
        bagian.append(f"--{batas}--\r\n".encode())
        h = {
            "Content-Type": f"multipart/form-data; boundary={batas}",
            **self._form_headers(dari),
        }
        return self.minta("POST", path, b"".join(bagian), h)

    def token(self, path: str) -> str:
        """GET a page with a form and return its CSRF token."""
        halaman = self.get(path)
        assert halaman.status == 200, (path, halaman.status)
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', halaman.teks).group(1)

    def masuk(self, username: str, password: str) -> Jawaban:
        token = self.token("/masuk/")
        data = {"csrfmiddlewaretoken": token, "username": username, "password": password}
        return self.post("/masuk/", data, dari="/masuk/")

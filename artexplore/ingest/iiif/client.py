"""A polite, bounded HTTP client for IIIF servers (``httpx``).

Museums' servers are shared and sometimes slow: requests to one host are limited
to a few at a time, failures that may pass (timeouts, connection errors, 429 and
5xx answers) are retried with exponential back-off, every read has a timeout and
every request a total deadline, redirects are followed up to a limit, and no
answer is read past a byte budget. Every failure is a :class:`FetchError` with a
short reason and a sentence, so that the caller records a skipped source.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from dataclasses import asdict, dataclass
from typing import Any
from urllib.parse import urlsplit

import httpx

from ...errors import ConfigError, ReasonedError

log = logging.getLogger(__name__)

USER_AGENT = "ArtExplore-IIIF/1 (collection ingest; +https://iiif.io)"
_RETRY_STATUS = {408, 425, 429, 500, 502, 503, 504}
_JSON_ACCEPT = ('application/ld+json;profile="http://iiif.io/api/presentation/3/context.json", '
                "application/ld+json, application/json;q=0.9, */*;q=0.1")


class FetchError(ReasonedError):
    """A IIIF source could not be used.

    Parameters
    ----------
    reason : str
        A short machine-readable reason: ``http-404``, ``timeout``,
        ``connection``, ``redirect-loop``, ``too-large``, ``not-json``,
        ``not-a-manifest``, ``no-image``, ``bad-url``…
    detail : str
        A sentence a person can read.
    """


@dataclass(frozen=True)
class ClientConfig:
    """Limits of the IIIF client.

    Parameters
    ----------
    timeout : float, default=20.0
        Seconds to connect, and to wait for each piece of an answer.
    deadline : float, default=120.0
        Seconds one request may take in all (a server that trickles bytes).
    retries : int, default=2
        Further attempts after a timeout, a connection error or a 429/5xx answer.
    backoff : float, default=1.0
        Seconds before the first retry; doubled each time (a ``Retry-After``
        up to 30 s is honoured).
    per_host : int, default=2
        Requests at the same time to one host.
    max_redirects : int, default=5
        Redirects followed per request; a loop ends there.
    max_json_bytes : int, default=20_000_000
        Largest manifest, collection or ``info.json`` read.
    max_image_bytes : int, default=64_000_000
        Largest image read.
    max_pixels : int, default=100_000_000
        Largest image accepted (width × height), checked before downloading when
        the size is declared and again when decoding.
    """

    timeout: float = 20.0
    deadline: float = 120.0
    retries: int = 2
    backoff: float = 1.0
    per_host: int = 2
    max_redirects: int = 5
    max_json_bytes: int = 20_000_000
    max_image_bytes: int = 64_000_000
    max_pixels: int = 100_000_000

    def __post_init__(self) -> None:
        if not 0 < self.timeout <= 600:
            raise ConfigError(f"timeout must be in (0, 600] seconds, got {self.timeout}")
        if self.deadline < self.timeout:
            raise ConfigError(f"deadline ({self.deadline}) must be >= timeout ({self.timeout})")
        if not 0 <= self.retries <= 10:
            raise ConfigError(f"retries must be in [0, 10], got {self.retries}")
        if self.backoff < 0:
            raise ConfigError(f"backoff must be >= 0, got {self.backoff}")
        if not 1 <= self.per_host <= 16:
            raise ConfigError(f"per_host must be in [1, 16], got {self.per_host}")
        if not 0 <= self.max_redirects <= 20:
            raise ConfigError(f"max_redirects must be in [0, 20], got {self.max_redirects}")
        if min(self.max_json_bytes, self.max_image_bytes, self.max_pixels) < 1:
            raise ConfigError("byte and pixel budgets must be positive")

    def to_dict(self) -> dict[str, Any]:
        """The settings as a JSON-serialisable dict."""
        return asdict(self)


@dataclass(frozen=True)
class Fetched:
    """An answer: its body (None when not modified) and validators."""

    url: str
    content: bytes | None
    etag: str | None = None
    last_modified: str | None = None
    content_type: str = ""

    @property
    def not_modified(self) -> bool:
        """Whether the server said the resource did not change (304)."""
        return self.content is None


def check_url(url: str) -> str:
    """Return the URL when it is an absolute ``http`` or ``https`` URL.

    Raises
    ------
    FetchError
        ``bad-url`` otherwise.
    """
    parts = urlsplit(str(url).strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise FetchError("bad-url", f"{str(url)[:200]!r} is not an http(s) URL")
    return str(url).strip()


class IIIFClient:
    """Fetch IIIF documents and images within the limits of a :class:`ClientConfig`.

    Safe to share between threads. Use as a context manager, or call :meth:`close`.

    Parameters
    ----------
    config : ClientConfig
    transport : httpx.BaseTransport, optional
        For tests.
    """

    def __init__(self, config: ClientConfig = ClientConfig(), *,
                 transport: httpx.BaseTransport | None = None) -> None:
        self.config = config
        self._http = httpx.Client(
            timeout=httpx.Timeout(config.timeout), follow_redirects=True,
            max_redirects=config.max_redirects, headers={"User-Agent": USER_AGENT},
            transport=transport)
        self._hosts: dict[str, threading.Semaphore] = {}
        self._lock = threading.Lock()
        self.requests = 0
        self.bytes_read = 0

    def __enter__(self) -> IIIFClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connections."""
        self._http.close()

    def _slot(self, url: str) -> threading.Semaphore:
        host = urlsplit(url).netloc.lower()
        with self._lock:
            if host not in self._hosts:
                self._hosts[host] = threading.Semaphore(self.config.per_host)
            return self._hosts[host]

    def get(self, url: str, *, image: bool = False, etag: str | None = None,
            last_modified: str | None = None) -> Fetched:
        """GET a resource, conditionally when validators are given.

        Parameters
        ----------
        url : str
            An http(s) URL.
        image : bool, default=False
            Apply the image byte budget (else the JSON one) and ask for images.
        etag, last_modified : str, optional
            Validators of a copy already held: a 304 answer gives a
            :class:`Fetched` whose ``content`` is None.

        Returns
        -------
        Fetched

        Raises
        ------
        FetchError
            For every failure, after the retries.
        """
        url = check_url(url)
        headers = {"Accept": "image/jpeg, image/*;q=0.8" if image else _JSON_ACCEPT}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        limit = self.config.max_image_bytes if image else self.config.max_json_bytes
        attempts = self.config.retries + 1
        for attempt in range(attempts):
            wait = self.config.backoff * (2 ** attempt)
            try:
                with self._slot(url):
                    return self._once(url, headers, limit)
            except _Retry as exc:
                if attempt == attempts - 1:
                    raise exc.error from None
                if exc.retry_after is not None:
                    wait = max(wait, min(exc.retry_after, 30.0))
                log.info("retrying %s in %.1f s (%s)", url, wait, exc.error.reason)
                time.sleep(wait)
        raise AssertionError("unreachable")  # pragma: no cover

    def _once(self, url: str, headers: dict[str, str], limit: int) -> Fetched:
        start = time.monotonic()
        with self._lock:
            self.requests += 1
        try:
            with self._http.stream("GET", url, headers=headers) as response:
                status = response.status_code
                if status == 304:
                    return Fetched(str(response.url), None, headers.get("If-None-Match"),
                                   headers.get("If-Modified-Since"))
                if status >= 400:
                    error = FetchError(f"http-{status}",
                                       f"{url} answered {status} {response.reason_phrase}")
                    if status in _RETRY_STATUS:
                        raise _Retry(error, _retry_after(response.headers.get("Retry-After")))
                    raise error
                declared = response.headers.get("Content-Length")
                if declared and declared.isdigit() and int(declared) > limit:
                    raise FetchError("too-large", f"{url} is {int(declared):,} bytes, over "
                                                  f"the budget of {limit:,}")
                chunks, size = [], 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > limit:
                        raise FetchError("too-large", f"{url} is over the budget of "
                                                      f"{limit:,} bytes")
                    if time.monotonic() - start > self.config.deadline:
                        raise _Retry(FetchError(
                            "timeout", f"{url} took over {self.config.deadline:g} s"))
                    chunks.append(chunk)
                with self._lock:
                    self.bytes_read += size
                return Fetched(str(response.url), b"".join(chunks),
                               response.headers.get("ETag"),
                               response.headers.get("Last-Modified"),
                               response.headers.get("Content-Type", ""))
        except httpx.TooManyRedirects as exc:
            raise FetchError("redirect-loop", f"{url}: more than {self.config.max_redirects} "
                                              "redirects") from exc
        except httpx.UnsupportedProtocol as exc:
            raise FetchError("bad-url", f"{url} led to a URL that is not http(s)") from exc
        except httpx.TimeoutException as exc:
            raise _Retry(FetchError("timeout", f"{url}: no answer within "
                                               f"{self.config.timeout:g} s")) from exc
        except httpx.TransportError as exc:
            raise _Retry(FetchError("connection", f"{url}: {type(exc).__name__}: {exc}")) from exc

    def get_json(self, url: str, *, etag: str | None = None,
                 last_modified: str | None = None) -> tuple[Fetched, Any]:
        """GET a JSON document; the parsed value is None when not modified.

        Raises
        ------
        FetchError
            Also ``not-json`` when the body is not JSON (an HTML error page…).
        """
        fetched = self.get(url, etag=etag, last_modified=last_modified)
        if fetched.not_modified:
            return fetched, None
        return fetched, parse_json(fetched.content or b"", url, fetched.content_type)


def parse_json(data: bytes, where: str, content_type: str = "") -> Any:
    """Parse JSON bytes, or raise ``FetchError("not-json", …)`` naming what came instead."""
    try:
        return json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        kind = content_type.split(";")[0].strip() or "unknown content type"
        raise FetchError("not-json", f"{where} is not JSON ({kind}: "
                                     f"{data[:40].decode('utf-8', 'replace')!r}…)") from exc


class _Retry(Exception):
    """A failure worth another attempt."""

    def __init__(self, error: FetchError, retry_after: float | None = None) -> None:
        super().__init__(str(error))
        self.error = error
        self.retry_after = retry_after


def _retry_after(value: str | None) -> float | None:
    try:
        return float(value) if value else None
    except ValueError:
        return None

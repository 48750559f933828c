#!/usr/bin/env python3
"""Real-browser test of the API as the React SPA uses it: CORS and the offline /docs page.

Headless Chromium (Debian's chromium + chromium-driver, driven by Selenium) with every host
other than the loopback ones cut off:

1. From the allowed origin (FRONTEND_URL, served by scripts/browser/run.sh from
   scripts/browser/app/), the page signs up, reads /users/me, creates and lists projects with
   Authorization and X-Organization-Id, refreshes its token and uses the new one; every answer,
   a 401 error too, must reach the page, and X-Request-Id must be readable
   (Access-Control-Expose-Headers on the actual response, not only on the preflight).
2. From another origin (a port not in the allowed list) the same page's fetches must reject
   with TypeError (the browser blocks them), and the blocked signup must never reach the API.
3. {API}/docs must render Swagger UI with one .opblock per operation of /openapi.json, from
   the API's own origin only (the HTML names no outside host, and the browser requested
   nothing elsewhere). A screenshot goes to var/docs.png.

Prints one line per check and 'browser: N passed, N failed'; exits 1 when a check failed, 2
when the test could not run. Waits with WebDriverWait, never with fixed sleeps.

usage: browser_test.py --api http://127.0.0.1:8000 --frontend-port 5173 --other-port 5174
       (or API_URL, FRONTEND_URL / FRONTEND_PORT, OTHER_ORIGIN_PORT in the environment)
"""
import argparse
import json
import os
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

from selenium import webdriver
from selenium.common.exceptions import TimeoutException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
STEPS = ["health", "unauthorized", "signup", "me", "project", "projects", "refresh", "me-refreshed"]
HTTP_METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}


def parse_args():
    frontend = urllib.parse.urlsplit(os.environ.get("FRONTEND_URL", "http://localhost:5173"))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--api", default=os.environ.get("API_URL"), help="API base URL (API_URL)")
    parser.add_argument("--frontend-host", default=frontend.hostname or "localhost",
                        help="host of the allowed origin (from FRONTEND_URL, default localhost)")
    parser.add_argument("--frontend-port", type=int,
                        default=int(os.environ.get("FRONTEND_PORT") or frontend.port or 5173),
                        help="port of the allowed origin (FRONTEND_PORT, else FRONTEND_URL's)")
    parser.add_argument("--other-port", type=int, default=int(os.environ.get("OTHER_ORIGIN_PORT") or 5174),
                        help="port of an origin that is NOT allowed (OTHER_ORIGIN_PORT, default 5174)")
    parser.add_argument("--screenshot", default=os.path.join(ROOT, "var", "docs.png"))
    parser.add_argument("--timeout", type=float, default=float(os.environ.get("BROWSER_TIMEOUT") or 30))
    parser.add_argument("--chromium", default=os.environ.get("CHROMIUM") or "/usr/bin/chromium")
    parser.add_argument("--chromedriver", default=os.environ.get("CHROMEDRIVER") or "/usr/bin/chromedriver")
    args = parser.parse_args()
    if not args.api:
        parser.error("give the API base URL as --api or API_URL")
    args.api = args.api.rstrip("/")
    return args


class Checks:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, name, condition, detail=""):
        if condition:
            self.passed += 1
            print(f"ok   {name}", flush=True)
        else:
            self.failed += 1
            print(f"FAIL {name}" + (f": {detail}" if detail else ""), flush=True)
        return bool(condition)


def origin_of(url):
    parts = urllib.parse.urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def http(method, url, body=None):
    """A request outside the browser: (status, headers, bytes)."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method,
                                     headers={"Content-Type": "application/json"} if data else {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def start_browser(args, local_hosts):
    options = webdriver.ChromeOptions()
    options.binary_location = args.chromium
    # Only loopback hosts resolve, and anything not on loopback goes to a proxy that does not
    # exist, so no page can load anything from outside (a CDN, fonts, a validator badge).
    excludes = "".join(f", EXCLUDE {host}" for host in local_hosts)
    for flag in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                 "--window-size=1280,1600", "--no-first-run", "--no-default-browser-check",
                 "--disable-extensions", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-default-apps",
                 f"--host-resolver-rules=MAP * ~NOTFOUND{excludes}",
                 "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=" + ";".join(local_hosts)]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    # An explicit driver path keeps Selenium Manager from trying to download one.
    service = Service(executable_path=args.chromedriver, log_output=os.devnull)
    return webdriver.Chrome(service=service, options=options)


def wait(driver, timeout, condition, what):
    try:
        return WebDriverWait(driver, timeout, poll_frequency=0.1).until(lambda d: condition(d))
    except TimeoutException:
        raise TimeoutException(f"timed out after {timeout:g}s waiting for {what}") from None


def run_page(driver, args, origin, email, password):
    """Loads the SPA stand-in from origin, runs its flow, returns ({id: (status, text, request id)}, state)."""
    driver.get(f"{origin}/index.html?" + urllib.parse.urlencode({"api": args.api}))
    wait(driver, args.timeout, lambda d: d.find_element(By.ID, "origin").text == origin,
         f"the page at {origin} to load")
    driver.find_element(By.ID, "email").send_keys(email)
    driver.find_element(By.ID, "password").send_keys(password)
    driver.find_element(By.ID, "full-name").send_keys("Browser Test")
    driver.find_element(By.ID, "run").click()
    state = wait(driver, args.timeout,
                 lambda d: (s := d.find_element(By.ID, "state").get_attribute("data-state")) not in ("idle", "running") and s,
                 f"the page at {origin} to finish")
    results = {}
    for step in STEPS:
        element = driver.find_element(By.ID, step)
        results[step] = (element.get_attribute("data-status") or "", element.get_attribute("textContent") or "",
                         element.get_attribute("data-request-id") or "")
    return results, state


def as_json(text):
    try:
        return json.loads(text)
    except ValueError:
        return None


def check_allowed_origin(checks, driver, args, origin):
    email = f"browser-{uuid.uuid4().hex[:12]}@example.com"
    results, state = run_page(driver, args, origin, email, "browser-test-password")
    print(f"     page at {origin}: {state}", flush=True)

    def step(name, expected_status):
        status, text, request_id = results[name]
        ok = checks.check(f"{origin} {name}: HTTP {expected_status}", status == str(expected_status),
                          f"got {status or 'nothing'} {text[:300]}")
        return as_json(text) if ok else None, request_id

    health, _ = step("health", 200)
    checks.check(f"{origin} health: body readable", isinstance(health, dict) and health.get("status") == "ok", str(health))
    unauthorized, _ = step("unauthorized", 401)
    checks.check(f"{origin} unauthorized: error body readable",
                 isinstance(unauthorized, dict) and isinstance(unauthorized.get("error"), dict)
                 and unauthorized["error"].get("code") == "invalid_token", str(unauthorized)[:300])
    signup, _ = step("signup", 201)
    checks.check(f"{origin} signup: token pair",
                 isinstance(signup, dict) and signup.get("token_type") == "bearer"
                 and all(signup.get(k) for k in ("access_token", "refresh_token"))
                 and isinstance(signup.get("expires_in"), int), str(signup)[:300])
    me, me_request_id = step("me", 200)
    checks.check(f"{origin} me: the signed-up user", isinstance(me, dict) and me.get("email") == email, str(me)[:300])
    checks.check(f"{origin} me: X-Request-Id readable (exposed)", bool(me_request_id),
                 "X-Request-Id not readable: Access-Control-Expose-Headers missing from the actual (non-preflight) response?")
    project, _ = step("project", 201)
    checks.check(f"{origin} project: created", isinstance(project, dict) and project.get("id")
                 and project.get("name") == "Browser test project", str(project)[:300])
    projects, _ = step("projects", 200)
    checks.check(f"{origin} projects: list holds the new project",
                 isinstance(projects, list) and isinstance(project, dict)
                 and any(p.get("id") == project.get("id") for p in projects if isinstance(p, dict)), str(projects)[:300])
    refresh, _ = step("refresh", 200)
    checks.check(f"{origin} refresh: new token pair",
                 isinstance(refresh, dict) and isinstance(signup, dict) and refresh.get("access_token")
                 and refresh.get("refresh_token") and refresh.get("refresh_token") != signup.get("refresh_token"),
                 str(refresh)[:300])
    again, _ = step("me-refreshed", 200)
    checks.check(f"{origin} me with the refreshed token", isinstance(again, dict) and again.get("email") == email,
                 str(again)[:300])
    checks.check(f"{origin} flow finished", state == "done", state)


def check_blocked_origin(checks, driver, args, origin):
    email = f"blocked-{uuid.uuid4().hex[:12]}@example.com"
    password = "browser-test-password"
    driver.get_log("browser")  # drop older console messages
    results, state = run_page(driver, args, origin, email, password)
    print(f"     page at {origin}: {state}", flush=True)
    for name, kind in (("health", "simple GET"), ("signup", "preflighted POST")):
        status, text, _ = results[name]
        checks.check(f"{origin} {name} ({kind}) blocked: fetch rejects with TypeError",
                     status == "error" and text.startswith("TypeError"), f"got {status or 'nothing'} {text[:200]}")
    cors_messages = [e["message"] for e in driver.get_log("browser") if "CORS policy" in e.get("message", "")]
    if cors_messages:
        print(f"     console: {cors_messages[0][:220]}", flush=True)
    checks.check(f"{origin} stopped at the blocked signup", state == "failed: signup", state)
    # The preflight failed, so the POST itself never ran: the same email can still sign up.
    status, _, body = http("POST", args.api + "/auth/signup",
                           {"email": email, "password": password, "full_name": "Browser Test"})
    checks.check(f"{origin} blocked signup never reached the API", status == 201,
                 f"signing up {email} directly gave {status} {body[:200]!r}")


def check_docs(checks, driver, args):
    api_origin = origin_of(args.api)
    status, headers, html = http("GET", args.api + "/docs")
    checks.check("/docs: HTTP 200 text/html", status == 200 and "text/html" in (headers.get("Content-Type") or ""),
                 f"{status} {headers.get('Content-Type')}")
    html = html.decode("utf-8", "replace")
    outside = sorted({url for url in re.findall(r"""(?:https?:)?//[^\s"'<>`)]+""", html)
                      if url.startswith(("http:", "https:", "//")) and origin_of(urllib.parse.urljoin(args.api + "/docs", url)) != api_origin})
    checks.check("/docs: HTML names no outside host", not outside, ", ".join(outside[:5]))
    referenced = re.findall(r"""(?:src|href)\s*=\s*["']([^"']+)["']""", html)
    foreign = [r for r in referenced if not r.startswith(("data:", "#"))
               and origin_of(urllib.parse.urljoin(args.api + "/docs", r)) != api_origin]
    checks.check("/docs: every src/href is on the API's origin", not foreign, ", ".join(foreign[:5]))

    status, _, spec = http("GET", args.api + "/openapi.json")
    document = json.loads(spec) if status == 200 else {}
    operations = sum(1 for item in document.get("paths", {}).values() for method in item if method in HTTP_METHODS)
    title = document.get("info", {}).get("title", "")
    checks.check("/openapi.json: has operations", operations > 0, f"HTTP {status}")

    driver.get_log("performance")  # drop the earlier pages' network events
    driver.get(args.api + "/docs")
    # Done when every operation is rendered, or early when the page has loaded without Swagger UI's
    # script (it was blocked or missing): then nothing will render.
    no_script = "return document.readyState === 'complete' && typeof window.SwaggerUIBundle === 'undefined'"
    try:
        wait(driver, args.timeout, lambda d: len(d.find_elements(By.CSS_SELECTOR, ".opblock")) >= max(operations, 1)
             or d.execute_script(no_script), f"{operations} .opblock elements")
    except TimeoutException as error:
        print(f"     {error.msg}", flush=True)
    if driver.execute_script(no_script):
        print("     SwaggerUIBundle is undefined after the page loaded: swagger-ui-bundle.js did not load", flush=True)
    rendered = len(driver.find_elements(By.CSS_SELECTOR, ".opblock"))
    checks.check(f"/docs: Swagger UI lists all {operations} operations", rendered == operations and operations > 0,
                 f"{rendered} .opblock elements rendered")
    shown_title = " ".join(e.text for e in driver.find_elements(By.CSS_SELECTOR, ".info .title"))
    checks.check("/docs: shows the API's title", bool(title) and title in shown_title, f"{shown_title!r} vs {title!r}")

    requested, urls, failures = [], {}, {}
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            url = message["params"]["request"]["url"]
            requested.append(url)
            urls[message["params"]["requestId"]] = url
        elif message.get("method") == "Network.loadingFailed":
            failures[urls.get(message["params"]["requestId"])] = message["params"].get("errorText", "")
    elsewhere = sorted({f"{u} ({failures.get(u, 'loaded')})" for u in requested
                        if not u.startswith(("data:", "blob:", "about:")) and origin_of(u) != api_origin})
    loaded = sorted({urllib.parse.urlsplit(u).path for u in requested if origin_of(u) == api_origin})
    print(f"     /docs loaded: {' '.join(loaded)}", flush=True)
    checks.check("/docs: the browser requested nothing outside the API's origin", not elsewhere,
                 ", ".join(elsewhere[:5]))

    os.makedirs(os.path.dirname(os.path.abspath(args.screenshot)), exist_ok=True)
    driver.execute_script("window.scrollTo(0, 0)")
    checks.check(f"/docs: screenshot {os.path.relpath(args.screenshot, os.getcwd())}",
                 driver.save_screenshot(args.screenshot))


def main():
    args = parse_args()
    started = time.monotonic()
    frontend = f"http://{args.frontend_host}:{args.frontend_port}"
    other = f"http://{args.frontend_host}:{args.other_port}"
    try:
        status = http("GET", args.api + "/health")[0]
    except OSError as error:
        status = error
    if status != 200:
        print(f"browser_test: {args.api}/health answered {status}; is the API running?", file=sys.stderr)
        return 2
    local_hosts = sorted({"localhost", "127.0.0.1", "[::1]", args.frontend_host,
                          urllib.parse.urlsplit(args.api).hostname or "127.0.0.1"})
    checks = Checks()
    try:
        driver = start_browser(args, local_hosts)
    except WebDriverException as error:
        print(f"browser_test: could not start Chromium: {error.msg}", file=sys.stderr)
        return 2
    try:
        for name, part in (("allowed origin", lambda: check_allowed_origin(checks, driver, args, frontend)),
                           ("other origin", lambda: check_blocked_origin(checks, driver, args, other)),
                           ("docs", lambda: check_docs(checks, driver, args))):
            print(f"-- {name}", flush=True)
            try:
                part()
            except (TimeoutException, WebDriverException) as error:
                checks.check(f"{name}: ran to the end", False, getattr(error, "msg", None) or str(error))
                shot = os.path.join(ROOT, "var", f"browser-failure-{name.replace(' ', '-')}.png")
                os.makedirs(os.path.dirname(shot), exist_ok=True)
                driver.save_screenshot(shot)
                print(f"     screenshot of the failure: {shot}", flush=True)
    finally:
        driver.quit()
    print(f"     {time.monotonic() - started:.1f}s", flush=True)
    print(f"browser: {checks.passed} passed, {checks.failed} failed", flush=True)
    return 1 if checks.failed else 0


if __name__ == "__main__":
    sys.exit(main())

//! A WebDriver harness for browser tests: headless Chromium driven through
//! `chromedriver`, against a real `tanu serve`.
//!
//! Include it from a test binary with
//! `#[path = "common/browser.rs"] mod browser;` and, in one `#[test]`:
//!
//! ```ignore
//! let Some(browser) = browser::Browser::start() else { return }; // SKIPPED
//! let server = browser::WebServer::demo(&tmp.path().join("demo"));
//! browser.goto(&server.url("/search?q=tábor"));
//! let first = browser.find("ol.hits a");
//! browser.click(&first);
//! browser.screenshot("reader");              // target/screenshots/reader.png
//! browser.assert_accessible("reader");       // axe-core: no serious/critical
//! browser.sign_in(&server, "kutato", "kutato-demo");
//! ```
//!
//! - [`Browser::start`] starts `chromedriver` on a free port and opens one
//!   session (`--headless=new --no-sandbox --disable-gpu
//!   --window-size=1280,900`). Without `chromium` and `chromedriver` on the
//!   PATH it prints `SKIPPED` and returns `None`, except under CI (the `CI`
//!   variable set), where it panics: CI must run the browser tests.
//! - Starting a browser takes about a second: start one per test binary and
//!   run the scenarios in sequence (see [`run_scenarios`]), with
//!   [`Browser::reset`] between them to forget cookies.
//! - [`WebServer`] runs `tanu serve` (or `tanu demo --serve`) on an
//!   ephemeral port. Both the server and chromedriver (with its Chromium)
//!   are stopped on drop, so also when a test panics; Chromium runs on a
//!   temporary profile removed then too.
//! - The client is a small synchronous one of the W3C WebDriver protocol
//!   (JSON over HTTP/1.1, `std::net` and `serde_json`): the few commands a
//!   test needs, without an async runtime or extra crates. Every WebDriver
//!   error panics with the command and the driver's message.
//! - Forms: [`Browser::type_into`] fills inputs and textareas (and an
//!   `<input type=file>` given a file's path), [`Browser::click`] ticks
//!   checkboxes, picks `<option>`s and submits; [`Browser::sign_in`] signs
//!   in through the login form.
//! - Screenshots go to `target/screenshots/NAME.png`; [`run_scenarios`]
//!   saves one named `failed-SCENARIO.png` when a scenario fails.

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use base64::Engine;
use serde_json::{Value, json};

/// The key of an element reference in WebDriver answers.
const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

/// How long [`Browser::wait_until`] waits by default.
pub const WAIT: Duration = Duration::from_secs(10);

/// WebDriver key codes for [`Browser::press`].
pub mod key {
    pub const TAB: &str = "\u{E004}";
    pub const ENTER: &str = "\u{E007}";
    pub const SHIFT: &str = "\u{E008}";
    pub const ESCAPE: &str = "\u{E00C}";
}

/// An element found on the current page (a WebDriver element reference).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Element(String);

impl Element {
    /// The element as a script argument (see [`Browser::script`]).
    pub fn arg(&self) -> Value {
        json!({ ELEMENT_KEY: self.0 })
    }
}

/// One axe-core violation.
#[derive(Debug)]
pub struct Violation {
    pub id: String,
    pub impact: String,
    pub help: String,
    /// The CSS selectors of the offending nodes.
    pub targets: Vec<String>,
}

/// A headless Chromium session through a chromedriver this harness started.
pub struct Browser {
    driver: Child,
    port: u16,
    session: String,
    /// Chromium's profile: chromedriver leaves the one it makes behind.
    profile: tempfile::TempDir,
}

/// The directory screenshots are saved in: `target/screenshots/`.
pub fn screenshot_dir() -> PathBuf {
    let tmp = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    tmp.parent().unwrap_or(&tmp).join("screenshots")
}

/// `name` if it is an executable on the PATH.
fn on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join(name))
        .find(|p| p.is_file())
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free local port")
}

impl Browser {
    /// Starts chromedriver and a headless Chromium session, or `None` (after
    /// printing `SKIPPED`) where they are not installed, outside CI.
    pub fn start() -> Option<Browser> {
        let chromium = ["chromium", "chromium-browser", "google-chrome"]
            .iter()
            .find_map(|n| on_path(n));
        let (Some(chromium), Some(driver)) = (chromium, on_path("chromedriver")) else {
            if std::env::var_os("CI").is_some() {
                panic!(
                    "browser tests need chromium and chromedriver in CI \
                     (.ci/run installs Debian's chromium and chromium-driver)"
                );
            }
            eprintln!(
                "SKIPPED: browser tests need chromium and chromedriver \
                 (apt-get install chromium chromium-driver)"
            );
            return None;
        };
        let port = free_port();
        let child = Command::new(&driver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("starting {}: {e}", driver.display()));
        // From here on, dropping `browser` stops chromedriver.
        let mut browser = Browser {
            driver: child,
            port,
            session: String::new(),
            profile: tempfile::tempdir().expect("a temporary profile directory"),
        };
        let started = Instant::now();
        while browser.raw("GET", "/status", None).is_err() {
            assert!(
                started.elapsed() < WAIT,
                "chromedriver did not answer on port {port}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "pageLoadStrategy": "normal",
            "goog:chromeOptions": {
                "binary": chromium.to_string_lossy(),
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu",
                         "--window-size=1280,900", "--hide-scrollbars",
                         format!("--user-data-dir={}", browser.profile.path().display())],
            },
        }}});
        let v = browser.cmd("POST", "/session", Some(caps));
        browser.session = v["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no session id in {v}"))
            .to_string();
        // axe-core's whole-page run takes a few seconds alone but can pass
        // 30 s when CI runs the other test binaries beside it on two cores;
        // a timeout there is the machine's load, not the page.
        browser.session_cmd(
            "POST",
            "/timeouts",
            json!({"pageLoad": 60_000, "script": 120_000, "implicit": 0}),
        );
        Some(browser)
    }

    /// One HTTP exchange with chromedriver: (status, JSON body).
    fn raw(&self, method: &str, path: &str, body: Option<&Value>) -> std::io::Result<(u16, Value)> {
        let mut s = TcpStream::connect(("127.0.0.1", self.port))?;
        s.set_read_timeout(Some(Duration::from_secs(180)))?;
        let body = body.map(|b| b.to_string()).unwrap_or_default();
        let head = format!(
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nConnection: close\r\n\
             Content-Type: application/json; charset=utf-8\r\nContent-Length: {}\r\n\r\n",
            self.port,
            body.len()
        );
        s.write_all(head.as_bytes())?;
        s.write_all(body.as_bytes())?;
        // chromedriver keeps the connection open: read the headers, then
        // exactly the body they announce.
        let mut r = BufReader::new(s);
        let mut status_line = String::new();
        r.read_line(&mut status_line)?;
        let status = status_line
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| std::io::Error::other(format!("bad status line {status_line:?}")))?;
        let mut length = None;
        let mut chunked = false;
        loop {
            let mut line = String::new();
            if r.read_line(&mut line)? == 0 || line.trim().is_empty() {
                break;
            }
            if let Some((k, v)) = line.split_once(':') {
                let (k, v) = (k.trim().to_ascii_lowercase(), v.trim());
                if k == "content-length" {
                    length = v.parse::<usize>().ok();
                } else if k == "transfer-encoding" && v.contains("chunked") {
                    chunked = true;
                }
            }
        }
        let mut payload = Vec::new();
        match length {
            Some(n) if !chunked => {
                payload.resize(n, 0);
                r.read_exact(&mut payload)?;
            }
            _ => {
                r.read_to_end(&mut payload)?;
                if chunked {
                    payload = dechunk(&payload);
                }
            }
        }
        let v = serde_json::from_slice(&payload).unwrap_or(Value::Null);
        Ok((status, v))
    }

    /// A WebDriver command; its `value`, or a panic naming the error.
    fn cmd(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let (status, v) = self
            .raw(method, path, body.as_ref())
            .unwrap_or_else(|e| panic!("WebDriver {method} {path}: {e}"));
        if status != 200 {
            panic!(
                "WebDriver {method} {path}: {} {}",
                v["value"]["error"].as_str().unwrap_or("error"),
                v["value"]["message"].as_str().unwrap_or(&v.to_string())
            );
        }
        v["value"].clone()
    }

    /// A WebDriver command that may fail (say, while the page navigates):
    /// its `value`, or the driver's error.
    fn try_cmd(&self, method: &str, path: &str, body: Option<Value>) -> Result<Value, String> {
        match self.raw(method, path, body.as_ref()) {
            Ok((200, v)) => Ok(v["value"].clone()),
            Ok((_, v)) => Err(v["value"]["message"]
                .as_str()
                .unwrap_or("error")
                .to_string()),
            Err(e) => Err(e.to_string()),
        }
    }

    fn session_cmd(&self, method: &str, path: &str, body: Value) -> Value {
        let body = if method == "GET" || method == "DELETE" {
            None
        } else {
            Some(body)
        };
        self.cmd(method, &format!("/session/{}{path}", self.session), body)
    }

    fn get(&self, path: &str) -> Value {
        self.session_cmd("GET", path, Value::Null)
    }

    fn post(&self, path: &str, body: Value) -> Value {
        self.session_cmd("POST", path, body)
    }

    /// Opens `url` and waits for it to load.
    pub fn goto(&self, url: &str) {
        self.post("/url", json!({ "url": url }));
    }

    /// The current page's URL.
    pub fn url(&self) -> String {
        self.get("/url").as_str().unwrap_or_default().to_string()
    }

    /// The current page's title.
    pub fn title(&self) -> String {
        self.get("/title").as_str().unwrap_or_default().to_string()
    }

    /// Sets the window's size (CSS pixels), e.g. a phone's 390×844.
    pub fn resize(&self, width: u32, height: u32) {
        self.post("/window/rect", json!({"width": width, "height": height}));
    }

    /// Forgets cookies (signs out, forgets the language), restores the
    /// window's 1280×900, then opens a blank page.
    pub fn reset(&self) {
        self.session_cmd("DELETE", "/cookie", Value::Null);
        self.resize(1280, 900);
        self.goto("about:blank");
    }

    fn element(v: &Value) -> Option<Element> {
        v[ELEMENT_KEY].as_str().map(|s| Element(s.to_string()))
    }

    /// The elements matching a CSS selector, in document order.
    pub fn find_all(&self, css: &str) -> Vec<Element> {
        let v = self.post("/elements", json!({"using": "css selector", "value": css}));
        v.as_array()
            .into_iter()
            .flatten()
            .filter_map(Browser::element)
            .collect()
    }

    /// The elements matching a CSS selector inside `parent`.
    pub fn find_all_in(&self, parent: &Element, css: &str) -> Vec<Element> {
        let v = self.post(
            &self.el(parent, "/elements"),
            json!({"using": "css selector", "value": css}),
        );
        v.as_array()
            .into_iter()
            .flatten()
            .filter_map(Browser::element)
            .collect()
    }

    /// The first element matching a CSS selector, if any.
    pub fn try_find(&self, css: &str) -> Option<Element> {
        self.find_all(css).into_iter().next()
    }

    /// The first element matching a CSS selector; panics (naming the page)
    /// when there is none.
    pub fn find(&self, css: &str) -> Element {
        self.try_find(css)
            .unwrap_or_else(|| panic!("no `{css}` on {}", self.url()))
    }

    /// The element that has the keyboard focus.
    pub fn active(&self) -> Element {
        let v = self.get("/element/active");
        Browser::element(&v).unwrap_or_else(|| panic!("no active element: {v}"))
    }

    fn el(&self, e: &Element, what: &str) -> String {
        format!("/element/{}{what}", e.0)
    }

    /// Clicks an element (waiting for a navigation it starts).
    pub fn click(&self, e: &Element) {
        self.post(&self.el(e, "/click"), json!({}));
    }

    /// Types `text` into an element.
    pub fn type_into(&self, e: &Element, text: &str) {
        self.post(&self.el(e, "/value"), json!({ "text": text }));
    }

    /// Empties an input.
    pub fn clear(&self, e: &Element) {
        self.post(&self.el(e, "/clear"), json!({}));
    }

    /// The rendered text of an element.
    pub fn text(&self, e: &Element) -> String {
        self.get(&self.el(e, "/text"))
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// The text of the first element matching `css`, read in one step (no
    /// element reference that a navigation could make stale: use it in
    /// [`Browser::wait_until`]).
    pub fn text_of(&self, css: &str) -> Option<String> {
        self.try_script(
            "const e = document.querySelector(arguments[0]); return e ? e.innerText : null;",
            json!([css]),
        )?
        .as_str()
        .map(String::from)
    }

    /// An attribute (or property) of an element.
    pub fn attr(&self, e: &Element, name: &str) -> Option<String> {
        self.get(&self.el(e, &format!("/attribute/{name}")))
            .as_str()
            .map(String::from)
    }

    /// A computed CSS value of an element.
    pub fn css(&self, e: &Element, property: &str) -> String {
        self.get(&self.el(e, &format!("/css/{property}")))
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// Runs a script in the page (`arguments` are `args`) and returns what
    /// it returns.
    pub fn script(&self, js: &str, args: Value) -> Value {
        self.post("/execute/sync", json!({"script": js, "args": args}))
    }

    /// Runs a script like [`Browser::script`], or `None` when it fails (a
    /// page that navigates meanwhile destroys its context): for polling in
    /// [`Browser::wait_until`].
    pub fn try_script(&self, js: &str, args: Value) -> Option<Value> {
        self.try_cmd(
            "POST",
            &format!("/session/{}/execute/sync", self.session),
            Some(json!({"script": js, "args": args})),
        )
        .ok()
    }

    /// Runs an asynchronous script: it calls `arguments[arguments.length -
    /// 1]` with its result.
    pub fn script_async(&self, js: &str, args: Value) -> Value {
        self.post("/execute/async", json!({"script": js, "args": args}))
    }

    /// Presses and releases each key in turn (see [`key`]), as a person at
    /// the keyboard would, to whatever has the focus.
    pub fn press(&self, keys: &[&str]) {
        let mut actions = Vec::new();
        for k in keys {
            actions.push(json!({"type": "keyDown", "value": k}));
            actions.push(json!({"type": "keyUp", "value": k}));
        }
        self.post(
            "/actions",
            json!({"actions": [{"type": "key", "id": "keyboard", "actions": actions}]}),
        );
    }

    /// Performs mouse actions (W3C `pointerMove`, `pointerDown`,
    /// `pointerUp` objects), e.g. a drag that selects text, then releases
    /// every button.
    pub fn pointer(&self, actions: &[Value]) {
        self.post(
            "/actions",
            json!({"actions": [{"type": "pointer", "id": "mouse",
                "parameters": {"pointerType": "mouse"}, "actions": actions}]}),
        );
        self.session_cmd("DELETE", "/actions", Value::Null);
    }

    /// Waits until `ready` holds, or panics saying `what` after `WAIT`.
    pub fn wait_until(&self, what: &str, mut ready: impl FnMut(&Browser) -> bool) {
        let started = Instant::now();
        while !ready(self) {
            assert!(
                started.elapsed() < WAIT,
                "timed out waiting for {what} (at {})",
                self.url()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Waits until the page's URL contains `part` and the page has loaded.
    pub fn wait_for_url(&self, part: &str) {
        self.wait_until(&format!("a URL with {part:?}"), |b| {
            b.try_script("return [location.href, document.readyState]", json!([]))
                .is_some_and(|v| {
                    v[0].as_str().is_some_and(|u| u.contains(part)) && v[1] == "complete"
                })
        });
    }

    /// Saves a screenshot of the viewport as `target/screenshots/NAME.png`.
    pub fn screenshot(&self, name: &str) -> PathBuf {
        let b64 = self.get("/screenshot");
        let png = base64::engine::general_purpose::STANDARD
            .decode(b64.as_str().unwrap_or_default())
            .expect("screenshot is base64");
        let dir = screenshot_dir();
        std::fs::create_dir_all(&dir).expect("screenshot directory");
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, png).expect("write screenshot");
        path
    }

    /// Runs axe-core (vendored in `tests/axe/`) on the current page and
    /// returns its violations.
    pub fn axe(&self) -> Vec<Violation> {
        let src = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/axe/axe.min.js"),
        )
        .expect("tests/axe/axe.min.js");
        self.script(&format!("{src}\n;return typeof axe;"), json!([]));
        let out = self.script_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document, {resultTypes: ['violations']})
               .then(r => done(JSON.stringify(r.violations)))
               .catch(e => done('error: ' + e));",
            json!([]),
        );
        let text = out.as_str().unwrap_or_default();
        let list: Value = serde_json::from_str(text)
            .unwrap_or_else(|_| panic!("axe-core failed on {}: {text}", self.url()));
        list.as_array()
            .into_iter()
            .flatten()
            .map(|v| Violation {
                id: v["id"].as_str().unwrap_or_default().to_string(),
                impact: v["impact"].as_str().unwrap_or_default().to_string(),
                help: v["help"].as_str().unwrap_or_default().to_string(),
                targets: v["nodes"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|n| n["target"].to_string())
                    .collect(),
            })
            .collect()
    }

    /// Fails when axe-core finds a `serious` or `critical` violation on the
    /// current page, printing each one's id, impact and targets; lesser ones
    /// are printed only.
    pub fn assert_accessible(&self, page: &str) {
        let violations = self.axe();
        let mut bad = Vec::new();
        for v in &violations {
            let line = format!(
                "{page}: {} ({}): {} — {}",
                v.id,
                v.impact,
                v.help,
                v.targets.join(" ")
            );
            eprintln!("axe {line}");
            if v.impact == "serious" || v.impact == "critical" {
                bad.push(line);
            }
        }
        assert!(
            bad.is_empty(),
            "accessibility violations on {}:\n{}",
            self.url(),
            bad.join("\n")
        );
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            // Closes Chromium; errors do not matter, chromedriver goes next.
            let _ = self.raw("DELETE", &format!("/session/{}", self.session), None);
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

fn dechunk(mut b: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(eol) = b.windows(2).position(|w| w == b"\r\n") {
        let size = String::from_utf8_lossy(&b[..eol])
            .split(';')
            .next()
            .and_then(|s| usize::from_str_radix(s.trim(), 16).ok())
            .unwrap_or(0);
        if size == 0 || b.len() < eol + 2 + size {
            break;
        }
        out.extend_from_slice(&b[eol + 2..eol + 2 + size]);
        b = &b[(eol + 4 + size).min(b.len())..];
    }
    out
}

/// A named test step that drives the browser.
pub type Scenario<'a> = (&'a str, &'a dyn Fn(&Browser));

/// Runs each named scenario with the same browser, forgetting cookies
/// before each; a failing scenario saves `failed-NAME.png` and the others
/// still run. Panics at the end listing the failed ones.
pub fn run_scenarios(browser: &Browser, scenarios: &[Scenario]) {
    let mut failed = Vec::new();
    for (name, scenario) in scenarios {
        let started = Instant::now();
        browser.reset();
        let outcome = catch_unwind(AssertUnwindSafe(|| scenario(browser)));
        match outcome {
            Ok(()) => eprintln!("browser scenario {name}: ok ({:.1?})", started.elapsed()),
            Err(_) => {
                let shot = catch_unwind(AssertUnwindSafe(|| {
                    browser.screenshot(&format!("failed-{name}"))
                }));
                eprintln!("browser scenario {name}: FAILED (screenshot: {shot:?})");
                failed.push(*name);
            }
        }
    }
    assert!(failed.is_empty(), "failed browser scenarios: {failed:?}");
}

impl Browser {
    /// Signs in on `server`'s form as `name` (a `tanu user add` account)
    /// and checks the header shows the name.
    pub fn sign_in(&self, server: &WebServer, name: &str, password: &str) {
        self.goto(&server.url("/login"));
        self.type_into(&self.find("#name"), name);
        self.type_into(&self.find("#password"), password);
        self.click(&self.find("form.login button[type=submit]"));
        self.wait_until(&format!("{name} signed in"), |b| {
            b.text_of("header.site .account")
                .is_some_and(|t| t.contains(name))
        });
    }

    /// Signs out through the sign-out form.
    pub fn sign_out(&self, server: &WebServer) {
        self.goto(&server.url("/logout"));
        self.click(&self.find("form.login button[type=submit]"));
        self.wait_until("signed out", |b| {
            b.try_find("header.site a.account[href='/login']").is_some()
        });
    }
}

/// A running `tanu serve` (or `tanu demo --serve`), stopped when dropped.
pub struct WebServer {
    child: Child,
    /// `http://127.0.0.1:PORT`
    pub base: String,
}

impl WebServer {
    /// Serves the archive in `archive` on an ephemeral port.
    pub fn serve(archive: &Path) -> WebServer {
        let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("tanu"));
        cmd.arg("--archive")
            .arg(archive)
            .args(["serve", "--listen", "127.0.0.1:0"]);
        WebServer::spawn(cmd)
    }

    /// Builds the demo archive in `dir` (published, one testimony
    /// restricted, the demo researcher `kutato` / `kutato-demo`, a
    /// recording) and serves it.
    pub fn demo(dir: &Path) -> WebServer {
        let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("tanu"));
        cmd.args(["demo", "--dir"])
            .arg(dir)
            .args(["--serve", "--listen", "127.0.0.1:0"]);
        WebServer::spawn(cmd)
    }

    /// Runs `cmd` and waits for the line that gives the address.
    fn spawn(mut cmd: Command) -> WebServer {
        let mut child = cmd
            .env_remove("TANU_ARCHIVE")
            .env_remove("TANU_CURATOR")
            .env("NO_COLOR", "1")
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start tanu");
        let stdout = child.stdout.take().expect("stdout");
        // From here on, dropping `server` stops tanu.
        let mut server = WebServer {
            child,
            base: String::new(),
        };
        let mut reader = BufReader::new(stdout);
        let mut line = String::new();
        while !line.contains("http://") {
            line.clear();
            let n = reader.read_line(&mut line).expect("read tanu's stdout");
            assert!(n > 0, "tanu ended without serving");
        }
        let addr = line
            .split("http://")
            .nth(1)
            .and_then(|r| r.split(['/', ' ', '\n']).next())
            .unwrap_or_else(|| panic!("no address in {line:?}"))
            .to_string();
        server.base = format!("http://{addr}");
        // Keep reading, so that tanu never writes into a closed pipe.
        std::thread::spawn(move || std::io::copy(&mut reader, &mut std::io::sink()));
        server
    }

    /// The absolute URL of `path` on this server.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

impl Drop for WebServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

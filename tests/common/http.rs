//! A running `tanu serve` and a small HTTP/1.1 client, for the tests of
//! the web surfaces (web, curation, upload, OAI-PMH, the map).
//! Included with `#[path = "common/http.rs"] mod http;`.

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// `tanu --archive DIR serve` on a free port of 127.0.0.1, for
/// [`Server::spawn`] when a test needs more arguments.
pub fn serve_command(dir: &Path) -> Command {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("tanu"));
    cmd.arg("--archive")
        .arg(dir)
        .args(["serve", "--listen", "127.0.0.1:0"]);
    cmd
}

/// A running `tanu serve`, stopped when dropped.
pub struct Server {
    child: Child,
    pub addr: String,
    /// Headers sent with every request (see [`Server::with_header`]).
    always: Vec<(String, String)>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    /// Serves the archive in `dir` on a free port, with `env` set.
    pub fn start(dir: &Path, env: &[(&str, &str)]) -> Server {
        let mut cmd = serve_command(dir);
        cmd.envs(env.iter().copied());
        Server::spawn(cmd)
    }

    /// Runs `cmd` (a `tanu` that serves) and waits for the line that gives
    /// the address.
    pub fn spawn(mut cmd: Command) -> Server {
        let mut child = cmd
            .env_remove("TANU_ARCHIVE")
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start tanu");
        let stdout = child.stdout.take().expect("stdout");
        let mut reader = BufReader::new(stdout);
        let mut line = String::new();
        while !line.contains("http://") {
            line.clear();
            let n = reader.read_line(&mut line).expect("read stdout");
            assert!(n > 0, "tanu ended without serving");
        }
        let addr = line
            .split("http://")
            .nth(1)
            .and_then(|r| r.split('/').next())
            .unwrap_or_else(|| panic!("no address in {line:?}"))
            .to_string();
        Server {
            child,
            addr,
            always: Vec::new(),
        }
    }

    /// Sends `name: value` with every request from now on.
    pub fn with_header(mut self, name: &str, value: &str) -> Server {
        self.always.push((name.to_string(), value.to_string()));
        self
    }

    pub fn base(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn get(&self, path: &str) -> Response {
        self.request("GET", path, &[], "")
    }

    pub fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> Response {
        self.request("GET", path, headers, "")
    }

    pub fn post(&self, path: &str, body: &str, headers: &[(&str, &str)]) -> Response {
        self.request("POST", path, headers, body)
    }

    /// GET with `Cookie: cookie`, or no cookie when it is empty.
    pub fn get_as(&self, path: &str, cookie: &str) -> Response {
        self.request("GET", path, &cookie_header(cookie), "")
    }

    /// A form POST with `Cookie: cookie`, or no cookie when it is empty.
    pub fn post_as(&self, path: &str, cookie: &str, body: &str) -> Response {
        self.request("POST", path, &cookie_header(cookie), body)
    }

    pub fn request(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: &str,
    ) -> Response {
        self.request_bytes(method, path, headers, body.as_bytes())
    }

    /// A request with any body; a POST without a `Content-Type` among
    /// `headers` is sent as a urlencoded form.
    pub fn request_bytes(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> Response {
        let mut s = TcpStream::connect(&self.addr).expect("connect");
        s.set_read_timeout(Some(Duration::from_secs(60)))
            .expect("timeout");
        let mut req = format!(
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n",
            self.addr
        );
        for (k, v) in &self.always {
            req.push_str(&format!("{k}: {v}\r\n"));
        }
        for (k, v) in headers {
            req.push_str(&format!("{k}: {v}\r\n"));
        }
        if method == "POST" {
            if !headers
                .iter()
                .any(|(k, _)| k.eq_ignore_ascii_case("content-type"))
            {
                req.push_str("Content-Type: application/x-www-form-urlencoded\r\n");
            }
            req.push_str(&format!("Content-Length: {}\r\n", body.len()));
        }
        req.push_str("\r\n");
        let mut bytes = req.into_bytes();
        bytes.extend_from_slice(body);
        // A refused upload may be answered before all of it is sent: the
        // answer still comes, whatever happens to the rest.
        let _ = s.write_all(&bytes);
        let mut raw = Vec::new();
        let mut buf = [0u8; 65536];
        loop {
            match s.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => raw.extend_from_slice(&buf[..n]),
                Err(_) if !raw.is_empty() => break,
                Err(e) => panic!("reading the answer: {e}"),
            }
        }
        Response::parse(&raw)
    }
}

/// A `Cookie` header, or none for an empty cookie.
fn cookie_header(cookie: &str) -> Vec<(&str, &str)> {
    if cookie.is_empty() {
        Vec::new()
    } else {
        vec![("Cookie", cookie)]
    }
}

pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    fn parse(raw: &[u8]) -> Response {
        let split = raw
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("end of headers");
        let head = String::from_utf8_lossy(&raw[..split]).to_string();
        let mut lines = head.split("\r\n");
        let status: u16 = lines
            .next()
            .and_then(|l| l.split(' ').nth(1))
            .and_then(|s| s.parse().ok())
            .expect("status line");
        let headers: Vec<(String, String)> = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
            .collect();
        let mut body = raw[split + 4..].to_vec();
        if headers
            .iter()
            .any(|(k, v)| k == "transfer-encoding" && v.contains("chunked"))
        {
            body = dechunk(&body);
        }
        Response {
            status,
            headers,
            body,
        }
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The value a `Set-Cookie` header gives cookie `name`.
    pub fn set_cookie(&self, name: &str) -> Option<String> {
        self.headers
            .iter()
            .filter(|(k, _)| k == "set-cookie")
            .filter_map(|(_, v)| v.split(';').next())
            .filter_map(|kv| kv.split_once('='))
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.to_string())
    }

    pub fn text(&self) -> String {
        String::from_utf8(self.body.clone()).expect("utf-8 body")
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).expect("JSON body")
    }
}

fn dechunk(mut b: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(eol) = b.windows(2).position(|w| w == b"\r\n") {
        let size = usize::from_str_radix(
            String::from_utf8_lossy(&b[..eol])
                .split(';')
                .next()
                .unwrap_or("0")
                .trim(),
            16,
        )
        .unwrap_or(0);
        if size == 0 {
            break;
        }
        out.extend_from_slice(&b[eol + 2..eol + 2 + size]);
        b = &b[eol + 4 + size..];
    }
    out
}

/// Percent-encodes a query value.
pub fn enc(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Signs in `name` with `password` through the login form; the session
/// cookie as a `Cookie` header value.
pub fn sign_in(srv: &Server, name: &str, password: &str) -> String {
    sign_in_csrf(srv, name, password).0
}

/// Like [`sign_in`]; also the CSRF token of the login form's cookie.
pub fn sign_in_csrf(srv: &Server, name: &str, password: &str) -> (String, String) {
    let r = srv.get("/login");
    let token = r.set_cookie("tanu_csrf").expect("CSRF cookie");
    let r = srv.post(
        "/login",
        &format!("name={}&password={}&csrf={token}", enc(name), enc(password)),
        &[("Cookie", &format!("tanu_csrf={token}"))],
    );
    assert_eq!(r.status, 303, "sign-in of {name}");
    let session = r.set_cookie("tanu_session").expect("session cookie");
    (format!("tanu_session={session}"), token)
}

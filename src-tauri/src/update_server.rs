//! A throwaway update server for tests, on 127.0.0.1, and the key pair its updates are signed
//! with (the same `minisign` crate `tauri signer` uses, so no key lives in the repo). Shared
//! by the shell's updater tests and the end-to-end updates story, which includes this file.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};

use base64::Engine;
use serde_json::json;

/// A signing key pair, as `tauri signer generate` makes it: the public key as the config
/// holds it, and a signer giving a `.sig` file's contents.
pub struct Keys {
    pub public: String,
    secret: minisign::SecretKey,
    pk: minisign::PublicKey,
}

fn b64(text: &str) -> String {
    base64::engine::general_purpose::STANDARD.encode(text)
}

impl Keys {
    pub fn generate() -> Self {
        let minisign::KeyPair { pk, sk } =
            minisign::KeyPair::generate_unencrypted_keypair().expect("key pair");
        let public = b64(&pk.to_box().expect("public key box").to_string());
        Keys {
            public,
            secret: sk,
            pk,
        }
    }

    pub fn sign(&self, bytes: &[u8]) -> String {
        let signature = minisign::sign(
            Some(&self.pk),
            &self.secret,
            std::io::Cursor::new(bytes),
            Some("partnerdesk test update"),
            Some("signature from a throwaway test key"),
        )
        .expect("sign");
        b64(&signature.to_string())
    }
}

/// What the server answers: a status and body per path.
type Routes = Arc<Mutex<Vec<(String, u16, Vec<u8>)>>>;

/// A one-thread HTTP/1.1 server on 127.0.0.1; dropped with the test process.
pub struct Server {
    base: String,
    routes: Routes,
}

impl Server {
    pub fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let base = format!("http://{}", listener.local_addr().expect("addr"));
        let routes: Routes = Arc::default();
        let served = routes.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { continue };
                let mut request = [0u8; 4096];
                let read = stream.read(&mut request).unwrap_or(0);
                let head = String::from_utf8_lossy(&request[..read]);
                let path = head.split_whitespace().nth(1).unwrap_or("/").to_string();
                let (status, body) = served
                    .lock()
                    .expect("routes")
                    .iter()
                    .find(|(p, _, _)| *p == path)
                    .map(|(_, status, body)| (*status, body.clone()))
                    .unwrap_or((404, b"not found".to_vec()));
                let reply = format!(
                    "HTTP/1.1 {status} X\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                    body.len()
                );
                let _ = stream.write_all(reply.as_bytes());
                let _ = stream.write_all(&body);
            }
        });
        Server { base, routes }
    }

    pub fn serve(&self, path: &str, status: u16, body: Vec<u8>) {
        let mut routes = self.routes.lock().expect("routes");
        routes.retain(|(p, _, _)| p != path);
        routes.push((path.into(), status, body));
    }

    /// `latest.json` announcing `version`, its package at `/partnerdesk.deb` with `signature`.
    pub fn announce(&self, version: &str, signature: &str) {
        let package = format!("{}/partnerdesk.deb", self.base);
        let platform = json!({ "url": package, "signature": signature });
        let latest = json!({
            "version": version,
            "notes": "Month-end in one pass.\nFixes the counter's beep.",
            "pub_date": "2026-12-01T09:00:00Z",
            "platforms": { "linux-x86_64": platform, "linux-x86_64-deb": platform },
        });
        self.serve("/latest.json", 200, latest.to_string().into_bytes());
    }

    /// Where `latest.json` is served.
    pub fn latest(&self) -> String {
        format!("{}/latest.json", self.base)
    }
}

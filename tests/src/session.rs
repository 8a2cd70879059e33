//! `App`: one Partnerdesk window under WebDriver: starting it, quitting, relaunching.

use std::future::Future;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use fantoccini::error::NewSessionError;
use fantoccini::{Client, ClientBuilder};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::json;
use tokio::runtime::Runtime;

use crate::launch::Launch;
use crate::page::screenshot_png;
use crate::paths::{app_binary, launch_label, target_subdir, tauri_driver};
use crate::process::{descendants, is_alive, kill_now, read_log, terminate, Driver, Xvfb};
use crate::x11;
use crate::POLL;

/// Longest a single WebDriver command may take before the story fails as hung.
const COMMAND_TIMEOUT: Duration = Duration::from_secs(60);
/// The first window on a cold, busy machine is slow: WebKit starts its web process too.
const SESSION_TIMEOUT: Duration = Duration::from_secs(120);

/// The running app. Fields drop in order: session, then driver (and the app under it), then
/// the X server, then the profile folder once nothing writes to it.
pub struct App {
    client: Option<Client>,
    driver: Driver,
    xvfb: Xvfb,
    _profile: tempfile::TempDir,
    binary: PathBuf,
    /// Passed to the app on every start, relaunches included.
    args: Vec<String>,
    label: String,
    rt: Runtime,
}

impl App {
    /// Starts a display, tauri-driver and the app on `data_dir`, and waits for the window.
    pub fn launch(data_dir: &Path) -> App {
        App::launch_with(data_dir, Launch::default())
    }

    /// [`App::launch`] with the arguments and extra environment in `launch`.
    pub fn launch_with(data_dir: &Path, launch: Launch) -> App {
        let binary = app_binary();
        let tauri_driver = tauri_driver();
        let label = launch_label();
        let logs = target_subdir("e2e-logs");
        for kind in ["driver", "xvfb"] {
            let _ = std::fs::remove_file(logs.join(format!("{label}.{kind}.log")));
        }
        let xvfb = Xvfb::start(&logs.join(format!("{label}.xvfb.log")));
        // WebKit's own profile (local storage, caches) goes to a folder of this launch only,
        // so stories never see each other's state nor the developer's.
        let profile = tempfile::Builder::new()
            .prefix("partnerdesk-e2e-profile-")
            .tempdir()
            .unwrap_or_else(|e| panic!("could not create a profile folder: {e}"));
        let home = |sub: &str| profile.path().join(sub).display().to_string();
        // tauri-driver forwards only `application` and `args` to the app; everything else
        // reaches it through the environment it inherits from tauri-driver.
        let mut env = vec![
            ("DISPLAY", format!(":{}", xvfb.display)),
            ("PARTNERDESK_DATA_DIR", data_dir.display().to_string()),
            ("XDG_DATA_HOME", home("data")),
            ("XDG_CONFIG_HOME", home("config")),
            ("XDG_CACHE_HOME", home("cache")),
            ("XDG_STATE_HOME", home("state")),
            // Hangs on the accessibility bus and blank windows under software GL:
            // tauri-apps/tauri#15936 and #13493.
            ("NO_AT_BRIDGE", "1".to_string()),
            ("WEBKIT_DISABLE_COMPOSITING_MODE", "1".to_string()),
            ("WEBKIT_DISABLE_DMABUF_RENDERER", "1".to_string()),
        ];
        env.extend(launch.env);
        let mut driver = Driver::start(
            &tauri_driver,
            env,
            &logs.join(format!("{label}.driver.log")),
        );
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap_or_else(|e| panic!("could not start a tokio runtime: {e}"));
        driver.wait_ready(Duration::from_secs(60));
        let mut app = App {
            client: None,
            driver,
            xvfb,
            _profile: profile,
            binary,
            args: launch.args,
            label,
            rt,
        };
        app.open_session();
        app
    }

    /// Ends the session and waits until the app process is gone. Not an orderly quit:
    /// WebKitWebDriver closes the web view, then kills the app it started (SIGKILL) if it
    /// still runs; [`App::close_window`] and [`App::terminate`] let the app end by itself.
    pub fn quit(&mut self) {
        let Some(client) = self.client.take() else {
            panic!("quit() called while no window is open");
        };
        let pids = self.driver.app_pids(&self.binary);
        // Without the pid, "the app has exited" could not be checked, and a relaunch could
        // meet the old process still holding the database.
        assert!(
            !pids.is_empty(),
            "no running {} found under tauri-driver",
            self.binary.display()
        );
        if let Err(e) = self.block("end the session", client.close()) {
            panic!("could not end the WebDriver session: {e}");
        }
        let deadline = Instant::now() + Duration::from_secs(30);
        while pids.iter().any(|&p| is_alive(p)) {
            if Instant::now() > deadline {
                panic!("the app (pids {pids:?}) still runs 30 s after its window was closed");
            }
            std::thread::sleep(POLL);
        }
    }

    /// Kills the app and every process under it (WebKit's web and network processes) at
    /// once with SIGKILL, as a crash or a power cut would, and waits until they are gone.
    /// The window's session dies with them; [`App::relaunch`] starts the app again.
    pub fn crash(&mut self) {
        let pids = self.running_app("crash");
        let mut all = pids.clone();
        for pid in &pids {
            all.extend(descendants(*pid));
        }
        kill_now(&all);
        let deadline = Instant::now() + Duration::from_secs(30);
        while all.iter().any(|&p| is_alive(p)) {
            if Instant::now() > deadline {
                panic!("the app (pids {all:?}) still runs 30 s after SIGKILL");
            }
            std::thread::sleep(POLL);
        }
        // The session's window is gone: drop the client unclosed, and start a fresh
        // tauri-driver, since the one that started the app lost its session with it.
        self.client = None;
        self.driver.restart();
        self.driver.wait_ready(Duration::from_secs(60));
    }

    /// Closes the window as its close button does (a window manager's `WM_DELETE_WINDOW`,
    /// see x11.rs), and waits until the app has exited by itself.
    pub fn close_window(&mut self) {
        let pids = self.running_app("close the window of");
        let asked = x11::ask_to_close(self.xvfb.display, &pids)
            .unwrap_or_else(|e| panic!("could not ask the window to close: {e}"));
        assert!(asked > 0, "no window of the app (pids {pids:?}) to close");
        self.wait_exited(&pids, "its window was asked to close");
    }

    /// Sends SIGTERM to the app, as a logout or `kill` does, and waits until it has exited
    /// by itself (its web processes go with it).
    pub fn terminate(&mut self) {
        let pids = self.running_app("terminate");
        terminate(&pids);
        self.wait_exited(&pids, "SIGTERM");
    }

    /// The app's process ids; there must be one.
    fn running_app(&self, what: &str) -> Vec<u32> {
        let pids = self.driver.app_pids(&self.binary);
        assert!(
            !pids.is_empty(),
            "no running {} to {what}",
            self.binary.display()
        );
        pids
    }

    /// Waits until `pids` have exited on their own after `after`, then forgets the window's
    /// session and starts a fresh tauri-driver, as [`App::crash`] does.
    fn wait_exited(&mut self, pids: &[u32], after: &str) {
        let deadline = Instant::now() + Duration::from_secs(30);
        while pids.iter().any(|&p| is_alive(p)) {
            if Instant::now() > deadline {
                panic!("the app (pids {pids:?}) still runs 30 s after {after}");
            }
            std::thread::sleep(POLL);
        }
        self.client = None;
        self.driver.restart();
        self.driver.wait_ready(Duration::from_secs(60));
    }

    /// Starts the app again on the same data folder, after [`App::quit`], [`App::crash`],
    /// [`App::close_window`] or [`App::terminate`].
    pub fn relaunch(&mut self) {
        if self.client.is_some() {
            self.quit();
        }
        self.open_session();
    }

    /// The WebDriver client, for what the helpers below do not cover.
    pub fn client(&self) -> &Client {
        self.client
            .as_ref()
            .unwrap_or_else(|| panic!("no window is open (after quit?)"))
    }

    /// Runs one async WebDriver call to completion; panics if it hangs.
    pub fn block<F: Future>(&self, what: &str, call: F) -> F::Output {
        within(&self.rt, COMMAND_TIMEOUT, call).unwrap_or_else(|| {
            panic!("WebDriver did not answer within {COMMAND_TIMEOUT:?} to: {what}")
        })
    }

    /// Opens a WebDriver session, which makes WebKitWebDriver start the app.
    ///
    /// Now and then (twice in some forty launches here, both on a busy machine)
    /// WebKitWebDriver resets the connection carrying the new-session request before any app
    /// starts; that case is tried twice more, each time with a fresh tauri-driver. A session
    /// that hangs instead, or that the driver refuses, fails at once.
    fn open_session(&mut self) {
        const ATTEMPTS: u32 = 3;
        for attempt in 1..=ATTEMPTS {
            // Only `tauri:options`: WebKitGTK 2.50 rejects a `browserName` of "wry".
            let mut caps = serde_json::Map::new();
            caps.insert(
                "tauri:options".into(),
                json!({ "application": self.binary, "args": self.args }),
            );
            let url = format!("http://127.0.0.1:{}", self.driver.port);
            let mut builder = ClientBuilder::new(HttpConnector::new());
            builder.capabilities(caps);
            let error = match within(&self.rt, SESSION_TIMEOUT, builder.connect(&url)) {
                Some(Ok(client)) => {
                    self.client = Some(client);
                    return;
                }
                Some(Err(e)) => e,
                None => panic!(
                    "no app window within {SESSION_TIMEOUT:?}\ntauri-driver log:\n{}",
                    read_log(&self.driver.log)
                ),
            };
            let transport_failure = matches!(
                error,
                NewSessionError::Failed(_) | NewSessionError::FailedC(_) | NewSessionError::Lost(_)
            ) && self.driver.app_pids(&self.binary).is_empty();
            if !transport_failure || attempt == ATTEMPTS {
                panic!(
                    "could not open the app window: {error}\ntauri-driver log:\n{}",
                    read_log(&self.driver.log)
                );
            }
            eprintln!("new session failed ({error}); retrying with a fresh tauri-driver");
            self.driver.restart();
            self.driver.wait_ready(Duration::from_secs(60));
        }
    }
}

impl Drop for App {
    fn drop(&mut self) {
        let Some(client) = self.client.take() else {
            return;
        };
        let rt = &self.rt;
        let limit = Duration::from_secs(10);
        // Never panic here: this often runs while a failed story unwinds.
        if std::thread::panicking() {
            if let Some(Ok(png)) = within(rt, limit, screenshot_png(&client)) {
                let path =
                    target_subdir("e2e-screenshots").join(format!("{}-failure.png", self.label));
                if std::fs::write(&path, png).is_ok() {
                    eprintln!("screenshot of the failed story: {}", path.display());
                }
            }
            eprintln!("tauri-driver log: {}", self.driver.log.display());
        }
        // Closing the session lets the app shut down normally; the driver's Drop then
        // stops whatever is left by pid.
        let _ = within(rt, limit, client.close());
    }
}

/// Runs `call` on `rt` for at most `limit`; `None` if it took longer. The timer is made
/// inside the runtime, as tokio requires.
pub(crate) fn within<F: Future>(rt: &Runtime, limit: Duration, call: F) -> Option<F::Output> {
    rt.block_on(async move { tokio::time::timeout(limit, call).await.ok() })
}

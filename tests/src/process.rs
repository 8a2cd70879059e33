//! The processes behind a story: a private X display and tauri-driver (which starts
//! WebKitWebDriver, which starts the app). Each is stopped by the process id we started,
//! never by name, so parallel runs and other sessions on the machine are left alone.

use std::fs::OpenOptions;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// How long a process gets to exit after SIGTERM before it gets SIGKILL.
const GRACE: Duration = Duration::from_secs(5);

/// An Xvfb server on a display number it chose itself.
pub(crate) struct Xvfb {
    child: Child,
    pub(crate) display: u32,
}

impl Xvfb {
    /// Starts Xvfb with `-displayfd`, so the server picks a free display number and tells us
    /// once it accepts connections: no guessing numbers, no race with other X servers.
    pub(crate) fn start(log: &Path) -> Xvfb {
        let mut child = Command::new("Xvfb")
            .args([
                "-displayfd",
                "1",
                "-screen",
                "0",
                "1280x1600x24",
                "-nolisten",
                "tcp",
            ])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(log_file(log))
            .process_group(0)
            .spawn()
            .unwrap_or_else(|e| {
                panic!("could not start Xvfb ({e}); install it with `apt-get install xvfb xauth`")
            });
        let stdout = child.stdout.take();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut line = String::new();
            if let Some(out) = stdout {
                let _ = BufReader::new(out).read_line(&mut line);
            }
            let _ = tx.send(line);
        });
        // Own the child before a possible panic, so Drop still stops it on the way out.
        let mut xvfb = Xvfb { child, display: 0 };
        let line = rx.recv_timeout(Duration::from_secs(30)).unwrap_or_default();
        match line.trim().parse::<u32>() {
            Ok(n) => xvfb.display = n,
            Err(_) => panic!(
                "Xvfb did not report a display within 30 s; see {}",
                log.display()
            ),
        }
        xvfb
    }
}

impl Drop for Xvfb {
    fn drop(&mut self) {
        stop_tree(&mut self.child);
    }
}

/// tauri-driver listening on `port`, run inside its own D-Bus session when one is available.
pub(crate) struct Driver {
    child: Child,
    pub(crate) port: u16,
    pub(crate) log: PathBuf,
    program: PathBuf,
    env: Vec<(&'static str, String)>,
}

impl Driver {
    /// Starts tauri-driver with `env` added to its environment; the app inherits it.
    pub(crate) fn start(program: &Path, env: Vec<(&'static str, String)>, log: &Path) -> Driver {
        let (child, port) = spawn_driver(program, &env, log);
        Driver {
            child,
            port,
            log: log.to_path_buf(),
            program: program.to_path_buf(),
            env,
        }
    }

    /// Stops this tauri-driver (and anything under it) and starts a fresh one.
    pub(crate) fn restart(&mut self) {
        stop_tree(&mut self.child);
        let (child, port) = spawn_driver(&self.program, &self.env, &self.log);
        self.child = child;
        self.port = port;
    }

    /// Polls `GET /status` until the native driver behind tauri-driver says it is ready
    /// (a session requested earlier fails: tauri-apps/tauri#3576).
    pub(crate) fn wait_ready(&mut self, within: Duration) {
        let deadline = Instant::now() + within;
        loop {
            if status_ready(self.port) {
                return;
            }
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!(
                    "tauri-driver exited early ({status}); log:\n{}",
                    read_log(&self.log)
                );
            }
            if Instant::now() > deadline {
                panic!(
                    "tauri-driver on port {} not ready within {within:?}; log:\n{}",
                    self.port,
                    read_log(&self.log)
                );
            }
            std::thread::sleep(Duration::from_millis(200));
        }
    }

    /// Process ids of running processes under this driver whose executable is `binary`.
    pub(crate) fn app_pids(&self, binary: &Path) -> Vec<u32> {
        descendants(self.child.id())
            .into_iter()
            .filter(|pid| {
                // A binary rebuilt while the app runs reads as "<path> (deleted)".
                std::fs::read_link(format!("/proc/{pid}/exe")).is_ok_and(|exe| {
                    let exe = exe.to_string_lossy();
                    exe.strip_suffix(" (deleted)").unwrap_or(&exe) == binary.to_string_lossy()
                })
            })
            .collect()
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        stop_tree(&mut self.child);
    }
}

/// Spawns tauri-driver on two free ports, in its own process group so it can be stopped
/// as a whole.
fn spawn_driver(program: &Path, env: &[(&'static str, String)], log: &Path) -> (Child, u16) {
    let (port, native_port) = two_free_ports();
    // A private session bus: without one, WebKit can hang on the accessibility bus.
    let mut command = if which("dbus-run-session").is_some() {
        let mut c = Command::new("dbus-run-session");
        c.arg("--").arg(program);
        c
    } else {
        Command::new(program)
    };
    command
        .args([
            "--port",
            &port.to_string(),
            "--native-port",
            &native_port.to_string(),
        ])
        .envs(env.iter().map(|(k, v)| (k, v)))
        .stdin(Stdio::null())
        .stdout(log_file(log))
        .stderr(log_file(log))
        .process_group(0);
    let child = command
        .spawn()
        .unwrap_or_else(|e| panic!("could not start {} ({e})", program.display()));
    (child, port)
}

/// Whether `pid` still runs (a zombie has finished; it only waits to be reaped).
pub(crate) fn is_alive(pid: u32) -> bool {
    stat_fields(pid).is_some_and(|f| !matches!(f.first().map(String::as_str), Some("Z" | "X")))
}

/// Full path of `program` found on PATH.
pub(crate) fn which(program: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(program))
        .find(|p| p.is_file())
}

/// The last part of a log file, for panic messages.
pub(crate) fn read_log(log: &Path) -> String {
    let text = std::fs::read_to_string(log).unwrap_or_default();
    let start = text.char_indices().rev().nth(4000).map_or(0, |(i, _)| i);
    text[start..].to_string()
}

/// `log` opened for appending, so stdout and stderr interleave in one file.
fn log_file(log: &Path) -> Stdio {
    OpenOptions::new()
        .create(true)
        .append(true)
        .open(log)
        .map_or_else(|_| Stdio::null(), Stdio::from)
}

/// SIGTERM to the child's process group and every descendant (one may have left the
/// group), then SIGKILL to whatever is still alive after the grace period.
fn stop_tree(child: &mut Child) {
    if matches!(child.try_wait(), Ok(Some(_))) {
        return;
    }
    let root = child.id();
    let mut pids = descendants(root);
    pids.push(root);
    signal("TERM", root, &pids);
    let deadline = Instant::now() + GRACE;
    while Instant::now() < deadline {
        let root_done = matches!(child.try_wait(), Ok(Some(_)));
        if root_done && !pids.iter().any(|&p| p != root && is_alive(p)) {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    signal("KILL", root, &pids);
    let _ = child.kill();
    let _ = child.wait();
}

/// SIGKILL to each of `pids` at once: no process gets to flush or clean up.
pub(crate) fn kill_now(pids: &[u32]) {
    let mut command = Command::new("kill");
    command.args(["-s", "KILL", "--"]);
    command.args(pids.iter().map(u32::to_string));
    let _ = command.stdout(Stdio::null()).stderr(Stdio::null()).status();
}

/// SIGTERM to each of `pids`: the polite request to end, which a process may handle.
pub(crate) fn terminate(pids: &[u32]) {
    let mut command = Command::new("kill");
    command.args(["-s", "TERM", "--"]);
    command.args(pids.iter().map(u32::to_string));
    let _ = command.stdout(Stdio::null()).stderr(Stdio::null()).status();
}

/// Sends `sig` to the process group led by `group` and to each pid, through kill(1)
/// because the workspace forbids `unsafe` (and with it a direct libc call).
fn signal(sig: &str, group: u32, pids: &[u32]) {
    let mut command = Command::new("kill");
    command.args(["-s", sig, "--", &format!("-{group}")]);
    command.args(pids.iter().map(u32::to_string));
    let _ = command.stdout(Stdio::null()).stderr(Stdio::null()).status();
}

/// Every process below `root`, found through the parent ids in /proc.
pub(crate) fn descendants(root: u32) -> Vec<u32> {
    let parents: Vec<(u32, u32)> = std::fs::read_dir("/proc")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| entry.file_name().to_str()?.parse::<u32>().ok())
        .filter_map(|pid| Some((pid, stat_fields(pid)?.get(1)?.parse().ok()?)))
        .collect();
    let mut found = vec![root];
    let mut i = 0;
    while i < found.len() {
        let parent = found[i];
        found.extend(
            parents
                .iter()
                .filter(|(_, pp)| *pp == parent)
                .map(|(p, _)| *p),
        );
        i += 1;
    }
    found.remove(0);
    found
}

/// Fields of /proc/<pid>/stat after the command name: state, ppid, pgrp, ...
fn stat_fields(pid: u32) -> Option<Vec<String>> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name is in parentheses and may itself contain spaces or parentheses.
    let rest = &stat[stat.rfind(')')? + 1..];
    Some(rest.split_whitespace().map(str::to_string).collect())
}

/// Two distinct ports free right now (both listeners are held until both are known).
fn two_free_ports() -> (u16, u16) {
    let bind = || TcpListener::bind("127.0.0.1:0").and_then(|l| Ok((l.local_addr()?.port(), l)));
    match (bind(), bind()) {
        (Ok((a, _la)), Ok((b, _lb))) => (a, b),
        (Err(e), _) | (_, Err(e)) => panic!("no free TCP port on 127.0.0.1: {e}"),
    }
}

/// One plain HTTP/1.1 request; true when the driver answers 200 with `"ready":true`.
fn status_ready(port: u16) -> bool {
    let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)) else {
        return false;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let request =
        format!("GET /status HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n");
    if stream.write_all(request.as_bytes()).is_err() {
        return false;
    }
    let mut response = String::new();
    let _ = stream.read_to_string(&mut response);
    let compact: String = response.split_whitespace().collect();
    response.starts_with("HTTP/1.1 200") && compact.contains("\"ready\":true")
}

//! Asking the app's window to close the way a window manager does when its close button is
//! clicked: a `WM_DELETE_WINDOW` message to the window. WebDriver cannot do this: its Close
//! Window only destroys the web view inside the window (wry), and ending the session kills
//! the app (WebKitWebDriver's `SessionHost` force-exits the browser it started).
//!
//! The private display has no window manager, so the harness sends the message itself. It
//! speaks the few X11 requests needed over the display's Unix socket (no X library: the
//! workspace forbids `unsafe`, and Xvfb here takes local clients without authorisation).

use std::io::{Read, Write};
use std::os::unix::net::UnixStream;
use std::time::Duration;

/// X11 request opcodes used here.
const QUERY_TREE: u8 = 15;
const INTERN_ATOM: u8 = 16;
const GET_PROPERTY: u8 = 20;
const SEND_EVENT: u8 = 25;
const GET_INPUT_FOCUS: u8 = 43;
/// The event code of a ClientMessage.
const CLIENT_MESSAGE: u8 = 33;

/// Sends `WM_DELETE_WINDOW` to every top-level window of display `:display` that belongs to
/// one of `pids` (`_NET_WM_PID`) and accepts the message (`WM_PROTOCOLS`). Answers how many
/// windows were asked.
pub(crate) fn ask_to_close(display: u32, pids: &[u32]) -> std::io::Result<usize> {
    let mut x = Connection::open(display)?;
    let protocols = x.intern_atom("WM_PROTOCOLS")?;
    let delete = x.intern_atom("WM_DELETE_WINDOW")?;
    let net_wm_pid = x.intern_atom("_NET_WM_PID")?;
    let mut asked = 0;
    for window in x.children(x.root)? {
        let pid = x.property_u32s(window, net_wm_pid)?;
        let accepts = x.property_u32s(window, protocols)?;
        if pid.first().is_some_and(|p| pids.contains(p)) && accepts.contains(&delete) {
            x.send_client_message(window, protocols, delete)?;
            asked += 1;
        }
    }
    // A round trip: once answered, the server has passed the messages on.
    x.request(GET_INPUT_FOCUS, 0, &[])?;
    x.reply()?;
    Ok(asked)
}

/// One connection to the X server, little-endian.
struct Connection {
    stream: UnixStream,
    root: u32,
}

impl Connection {
    fn open(display: u32) -> std::io::Result<Connection> {
        let mut stream = UnixStream::connect(format!("/tmp/.X11-unix/X{display}"))?;
        stream.set_read_timeout(Some(Duration::from_secs(10)))?;
        // Byte order 'l', protocol 11.0, no authorisation.
        stream.write_all(&[b'l', 0, 11, 0, 0, 0, 0, 0, 0, 0, 0, 0])?;
        let mut head = [0u8; 8];
        stream.read_exact(&mut head)?;
        let mut setup = vec![0u8; usize::from(u16_at(&head, 6)) * 4];
        stream.read_exact(&mut setup)?;
        if head[0] != 1 {
            return Err(refused(&format!(
                "the X server refused the connection: {head:?}"
            )));
        }
        // The first screen's root window follows the vendor name and the pixmap formats.
        let vendor = usize::from(u16_at(&setup, 16)).div_ceil(4) * 4;
        let formats = usize::from(setup[21]) * 8;
        let root = u32_at(&setup, 32 + vendor + formats);
        Ok(Connection { stream, root })
    }

    fn intern_atom(&mut self, name: &str) -> std::io::Result<u32> {
        let mut body = (name.len() as u16).to_le_bytes().to_vec();
        body.extend([0, 0]);
        body.extend(name.as_bytes());
        self.request(INTERN_ATOM, 0, &body)?;
        let reply = self.reply()?.ok_or_else(|| refused(name))?;
        Ok(u32_at(&reply, 8))
    }

    /// The windows directly under `window`, mapped or not.
    fn children(&mut self, window: u32) -> std::io::Result<Vec<u32>> {
        self.request(QUERY_TREE, 0, &window.to_le_bytes())?;
        let reply = self.reply()?.ok_or_else(|| refused("QueryTree"))?;
        let count = usize::from(u16_at(&reply, 16));
        Ok((0..count).map(|i| u32_at(&reply, 32 + 4 * i)).collect())
    }

    /// A 32-bit property's values; none when the window lacks it (or is already gone).
    fn property_u32s(&mut self, window: u32, property: u32) -> std::io::Result<Vec<u32>> {
        let mut body = Vec::new();
        for word in [window, property, 0, 0, 64] {
            body.extend(word.to_le_bytes());
        }
        self.request(GET_PROPERTY, 0, &body)?;
        let Some(reply) = self.reply()? else {
            return Ok(Vec::new());
        };
        if reply[1] != 32 {
            return Ok(Vec::new());
        }
        let count = u32_at(&reply, 16) as usize;
        Ok((0..count).map(|i| u32_at(&reply, 32 + 4 * i)).collect())
    }

    /// What a window manager sends when the close button is clicked.
    fn send_client_message(&mut self, window: u32, kind: u32, data: u32) -> std::io::Result<()> {
        let mut event = vec![CLIENT_MESSAGE, 32, 0, 0];
        for word in [window, kind, data, 0, 0, 0, 0] {
            event.extend(word.to_le_bytes());
        }
        let mut body = window.to_le_bytes().to_vec();
        body.extend(0u32.to_le_bytes());
        body.extend(event);
        self.request(SEND_EVENT, 0, &body)
    }

    fn request(&mut self, opcode: u8, data: u8, body: &[u8]) -> std::io::Result<()> {
        let padded = body.len().div_ceil(4) * 4;
        let words = u16::try_from(1 + padded / 4).map_err(|_| refused("request too long"))?;
        let mut bytes = vec![opcode, data];
        bytes.extend(words.to_le_bytes());
        bytes.extend(body);
        bytes.resize(4 + padded, 0);
        self.stream.write_all(&bytes)
    }

    /// The next reply; `None` when the server answered with an error instead.
    fn reply(&mut self) -> std::io::Result<Option<Vec<u8>>> {
        let mut reply = vec![0u8; 32];
        self.stream.read_exact(&mut reply)?;
        if reply[0] == 0 {
            return Ok(None);
        }
        let extra = u32_at(&reply, 4) as usize * 4;
        reply.resize(32 + extra, 0);
        self.stream.read_exact(&mut reply[32..])?;
        Ok(Some(reply))
    }
}

fn u16_at(bytes: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([bytes[at], bytes[at + 1]])
}

fn u32_at(bytes: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
}

fn refused(what: &str) -> std::io::Error {
    std::io::Error::other(format!("X11: {what}"))
}

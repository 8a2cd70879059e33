//! What a story does in the window: find, wait, click, type, read, screenshot. Elements are
//! found by `data-testid` (ui/src/lib/testIds.ts), and every lookup polls.

use std::path::PathBuf;
use std::time::Instant;

use fantoccini::elements::Element;
use fantoccini::key::Key;
use fantoccini::{Client, Locator};
use serde_json::{json, Value};

use crate::paths::target_subdir;
use crate::session::App;
use crate::{wait_timeout, POLL};

impl App {
    /// The first element carrying `testid`, present right now, or a panic.
    pub fn el(&self, testid: &str) -> Element {
        let css = selector(testid);
        self.block(&css, self.client().find(Locator::Css(&css)))
            .unwrap_or_else(|e| panic!("no element {css} on the page: {e}"))
    }

    /// Polls until an element carrying `testid` is displayed, and returns it.
    pub fn wait_for(&self, testid: &str) -> Element {
        self.wait_until(&format!("{} to be displayed", selector(testid)), |app| {
            app.displayed(testid).into_iter().next()
        })
    }

    /// Polls until no element carrying `testid` is displayed.
    pub fn wait_gone(&self, testid: &str) {
        self.wait_until(&format!("{} to disappear", selector(testid)), |app| {
            app.displayed(testid).is_empty().then_some(())
        });
    }

    /// Whether an element carrying `testid` is displayed right now (no waiting).
    pub fn is_shown(&self, testid: &str) -> bool {
        !self.displayed(testid).is_empty()
    }

    /// Clicks the element once it is displayed and clickable (retrying while, say, an
    /// overlay still covers it).
    pub fn click(&self, testid: &str) {
        self.wait_until(&format!("{} to take a click", selector(testid)), |app| {
            let el = app.displayed(testid).into_iter().next()?;
            // WebKit's driver does not scroll for us: an element below the fold refuses.
            let arg = serde_json::to_value(&el).ok()?;
            let script = "arguments[0].scrollIntoView({ block: 'center' });";
            app.block("scroll", app.client().execute(script, vec![arg]))
                .ok()?;
            app.block("click", el.click()).ok()
        });
    }

    /// Empties the input and types `text` as key presses, then checks the input holds it.
    /// A `\n` is typed as Enter, which in a single-line input submits its form.
    pub fn type_into(&self, testid: &str, text: &str) {
        let el = self.wait_for(testid);
        let css = selector(testid);
        self.block("clear", el.clear())
            .unwrap_or_else(|e| panic!("could not clear {css}: {e}"));
        self.block("send keys", el.send_keys(&keys(text)))
            .unwrap_or_else(|e| panic!("could not type into {css}: {e}"));
        let held = self
            .block("read value", el.prop("value"))
            .ok()
            .flatten()
            .unwrap_or_default();
        assert_eq!(
            held, text,
            "typed {text:?} into {css}, but it holds {held:?}"
        );
    }

    /// Types `text` into the element carrying `testid` as fast as WebDriver can, like a
    /// scanner: no clearing and no check afterwards (Enter may empty the input). `\n` is Enter.
    pub fn send_keys(&self, testid: &str, text: &str) {
        let el = self.wait_for(testid);
        self.block("send keys", el.send_keys(&keys(text)))
            .unwrap_or_else(|e| panic!("could not type into {}: {e}", selector(testid)));
    }

    /// Types `text` wherever the keyboard focus is now. `\n` is Enter, `\u{1b}` is Esc.
    pub fn press(&self, text: &str) {
        let el = self
            .block("active element", self.client().active_element())
            .unwrap_or_else(|e| panic!("nothing has the keyboard focus: {e}"));
        self.block("send keys", el.send_keys(&keys(text)))
            .unwrap_or_else(|e| panic!("could not type {text:?}: {e}"));
    }

    /// The `data-testid` of the element with the keyboard focus, if it has one.
    pub fn focused(&self) -> Option<String> {
        let script = "return document.activeElement?.dataset?.testid ?? null;";
        self.execute(script, vec![]).as_str().map(str::to_string)
    }

    /// The attribute `name` of the first shown element carrying `testid`.
    pub fn attr(&self, testid: &str, name: &str) -> Option<String> {
        let el = self.wait_for(testid);
        self.block("read attribute", el.attr(name))
            .unwrap_or_else(|e| panic!("could not read {name} of {}: {e}", selector(testid)))
    }

    /// Chooses the `<option>` with this value in the `<select>` carrying `testid`, the way a
    /// click on the option does, and checks the select took it.
    pub fn select_by_value(&self, testid: &str, value: &str) {
        let el = self.wait_for(testid);
        let css = selector(testid);
        self.block("select", el.select_by_value(value))
            .unwrap_or_else(|e| panic!("{css} has no option {value:?}: {e}"));
        let held = self
            .block("read value", el.prop("value"))
            .ok()
            .flatten()
            .unwrap_or_default();
        assert_eq!(
            held, value,
            "chose {value:?} in {css}, but it holds {held:?}"
        );
    }

    /// Rendered text (`innerText`, trimmed) of the first shown element carrying `testid`.
    pub fn text(&self, testid: &str) -> String {
        let el = self.wait_for(testid);
        let arg = serde_json::to_value(&el).unwrap_or_default();
        let script = "return arguments[0].innerText.trim();";
        let text = self.block("read text", self.client().execute(script, vec![arg]));
        match text {
            Ok(Value::String(text)) => text,
            other => panic!("could not read {}: {other:?}", selector(testid)),
        }
    }

    /// The current value of the input, text area or select carrying `testid`.
    pub fn value(&self, testid: &str) -> String {
        let el = self.wait_for(testid);
        let value = self.block("read value", el.prop("value"));
        value
            .unwrap_or_else(|e| panic!("could not read {}: {e}", selector(testid)))
            .unwrap_or_default()
    }

    /// Polls until the element carrying `testid` shows text containing `needle`.
    pub fn wait_for_text(&self, testid: &str, needle: &str) -> String {
        let what = format!("{} to show text containing {needle:?}", selector(testid));
        self.wait_until(&what, |app| {
            app.texts(testid).into_iter().find(|t| t.contains(needle))
        })
    }

    /// Polls until an element carrying `testid` shows exactly `text` (trimmed): unlike
    /// [`App::wait_for_text`], "VALID" does not match "NOT YET VALID".
    pub fn wait_for_exact_text(&self, testid: &str, text: &str) -> String {
        let what = format!("{} to show exactly {text:?}", selector(testid));
        let found = self.poll(|app| app.texts(testid).into_iter().find(|t| t == text));
        found.unwrap_or_else(|| {
            let shown = self.texts(testid);
            panic!("waited {:?} for {what}; it shows {shown:?}", wait_timeout())
        })
    }

    /// Polls until a shown element carrying `testid` has the attribute `name` equal to
    /// `value`, e.g. a result's `data-kind`.
    pub fn wait_for_attr(&self, testid: &str, name: &str, value: &str) {
        let what = format!("{} to have {name}={value:?}", selector(testid));
        self.wait_until(&what, |app| {
            app.displayed(testid).into_iter().find_map(|el| {
                let got = app.block("read attribute", el.attr(name)).ok()??;
                (got == value).then_some(())
            })
        });
    }

    /// Rendered texts (`innerText`, trimmed) of all shown elements carrying `testid`, in
    /// page order; none yet is an empty list (no waiting).
    pub fn texts(&self, testid: &str) -> Vec<String> {
        let script = format!(
            "{SHOWN} return Array.from(document.querySelectorAll(arguments[0]))\
             .filter(shown).map(e => e.innerText.trim());"
        );
        let texts = self.block(
            "read texts",
            self.client()
                .execute(&script, vec![json!(selector(testid))]),
        );
        match texts {
            Ok(Value::Array(texts)) => texts
                .into_iter()
                .filter_map(|t| t.as_str().map(str::to_string))
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The window's title.
    pub fn title(&self) -> String {
        self.block("title", self.client().title())
            .unwrap_or_else(|e| panic!("could not read the window title: {e}"))
    }

    /// Runs JavaScript in the page and returns its result.
    pub fn execute(&self, script: &str, args: Vec<Value>) -> Value {
        self.block("execute", self.client().execute(script, args))
            .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    /// Runs JavaScript that calls its last argument with the result (e.g. after an IPC call).
    pub fn execute_async(&self, script: &str, args: Vec<Value>) -> Value {
        self.block("execute async", self.client().execute_async(script, args))
            .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    /// Saves the window as `<workspace>/target/e2e-screenshots/<name>.png` and returns the path.
    pub fn screenshot(&self, name: &str) -> PathBuf {
        let png = self.block("screenshot", screenshot_png(self.client()));
        let png = png.unwrap_or_else(|e| panic!("could not take screenshot {name}: {e}"));
        let path = target_subdir("e2e-screenshots").join(format!("{name}.png"));
        std::fs::write(&path, png).unwrap_or_else(|e| panic!("could not write {path:?}: {e}"));
        path
    }

    /// Polls `attempt` until it returns `Some`, or fails the story after [`wait_timeout`]
    /// saying what it waited for.
    pub fn wait_until<T>(&self, what: &str, attempt: impl FnMut(&App) -> Option<T>) -> T {
        self.poll(attempt)
            .unwrap_or_else(|| panic!("waited {:?} for {what}", wait_timeout()))
    }

    /// Polls `attempt` until it returns `Some`, for at most [`wait_timeout`].
    fn poll<T>(&self, mut attempt: impl FnMut(&App) -> Option<T>) -> Option<T> {
        let deadline = Instant::now() + wait_timeout();
        loop {
            if let Some(found) = attempt(self) {
                return Some(found);
            }
            if Instant::now() > deadline {
                return None;
            }
            std::thread::sleep(POLL);
        }
    }

    /// Displayed elements carrying `testid`; lookup errors count as none (the page may be
    /// mid-render, and the callers poll).
    fn displayed(&self, testid: &str) -> Vec<Element> {
        let css = selector(testid);
        let Ok(all) = self.block(&css, self.client().find_all(Locator::Css(&css))) else {
            return Vec::new();
        };
        if all.is_empty() {
            return all;
        }
        let args: Vec<Value> = all
            .iter()
            .filter_map(|el| serde_json::to_value(el).ok())
            .collect();
        let script = format!("{SHOWN} return Array.from(arguments).map(shown);");
        // A stale element (the page re-rendered in between) fails the script: none shown yet.
        let Ok(Value::Array(shown)) = self.block("is shown", self.client().execute(&script, args))
        else {
            return Vec::new();
        };
        all.into_iter()
            .zip(shown)
            .filter_map(|(el, shown)| (shown == Value::Bool(true)).then_some(el))
            .collect()
    }
}

/// Defines `shown(element)`: laid out, not `visibility: hidden`, not transparent. Used
/// instead of WebDriver's "is displayed" and "element text": WebKit's versions of those
/// call a table cell with `overflow: hidden; text-overflow: ellipsis` hidden and give its
/// text as "", though the partner list shows it plainly.
const SHOWN: &str = "const shown = e => e.isConnected && e.getClientRects().length > 0 && \
    (!e.checkVisibility || e.checkVisibility({ opacityProperty: true, visibilityProperty: true }));";

/// Script run before each screenshot: repaints one corner pixel, at an alpha of 1/255, for
/// every frame of the next two seconds. WebKitGTK 2.50 answers Take Screenshot only after
/// the next frame is drawn, and a page with nothing changing (no blinking caret, no
/// animation: the partner list after a save) draws none, so the command hung forever.
const KEEP_PAINTING: &str = r#"
    const dot = document.createElement('div');
    dot.setAttribute('aria-hidden', 'true');
    dot.style.cssText = 'position:fixed;right:0;bottom:0;width:1px;height:1px;' +
        'pointer-events:none;z-index:2147483647';
    document.documentElement.appendChild(dot);
    let frame = 0;
    (function tick() {
        dot.style.background = frame % 2 ? 'transparent' : 'rgba(0,0,0,0.004)';
        if (++frame < 120) requestAnimationFrame(tick); else dot.remove();
    })();
"#;

/// The window as PNG; see [`KEEP_PAINTING`] for why a script runs first.
pub(crate) async fn screenshot_png(
    client: &Client,
) -> Result<Vec<u8>, fantoccini::error::CmdError> {
    client.execute(KEEP_PAINTING, Vec::new()).await?;
    client.screenshot().await
}

fn selector(testid: &str) -> String {
    format!("[data-testid=\"{testid}\"]")
}

/// WebDriver has no newline or escape character: a line break is the Enter key (in a
/// single-line input that submits the form), ESC the Escape key.
fn keys(text: &str) -> String {
    text.replace('\n', &char::from(Key::Enter).to_string())
        .replace('\u{1b}', &char::from(Key::Escape).to_string())
}

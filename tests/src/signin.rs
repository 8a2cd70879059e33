//! Signing in for stories that are about something else: the shop's owner, made and signed
//! in through the shell as the first-run screens would, so each story starts where it did
//! before sign-in existed. The sign-in stories themselves use the lock screen.

use serde_json::{json, Value};

use crate::ids;
use crate::App;

/// The owner every story signs in as.
pub const OWNER_NAME: &str = "Ada Owner";
/// Their PIN.
pub const OWNER_PIN: &str = "2468";

impl App {
    /// Signs the owner in, creating them first on a database that has none, then reloads
    /// the page and waits until it shows what a signed-in owner sees (the counter alone on a
    /// `--counter` till).
    pub fn sign_in_as_owner(&self) {
        let status = self.ok("app_status", json!({}));
        if status["needsOwner"] == true {
            let pin = json!({ "pin": OWNER_PIN, "pinAgain": OWNER_PIN });
            self.ok(
                "create_first_owner",
                json!({ "name": OWNER_NAME, "pin": pin }),
            );
        } else {
            self.sign_in_by_name(OWNER_NAME, OWNER_PIN);
        }
        self.reload_signed_in(status["tillOnly"] == true);
    }

    /// Signs `name` in with `pin` through the shell (no page reload).
    pub fn sign_in_by_name(&self, name: &str, pin: &str) -> Value {
        let choices = self.ok("sign_in_choices", json!({}));
        let id = choices
            .as_array()
            .and_then(|all| all.iter().find(|c| c["name"] == name))
            .map(|choice| choice["id"].clone())
            .unwrap_or_else(|| panic!("{name} is not on the lock screen: {choices}"));
        self.ok("sign_in", json!({ "personId": id, "pin": pin }))
    }

    /// Reloads the page, which reads the session anew, and waits for the signed-in view.
    pub fn reload_signed_in(&self, counter_only: bool) {
        self.execute("location.reload();", vec![]);
        if counter_only {
            self.wait_for(ids::counter::COUNTER_ONLY);
        } else {
            self.wait_for(ids::nav::SHOP_NAME);
        }
    }

    /// `command`'s answer, failing the story when the shell refuses it.
    fn ok(&self, command: &str, args: Value) -> Value {
        let answer = self.invoke(command, args);
        match answer.get("ok") {
            Some(value) => value.clone(),
            None => panic!("{command} was refused: {answer}"),
        }
    }
}

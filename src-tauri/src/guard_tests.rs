//! Every registered command, called through Tauri's handler as the window calls it, over a
//! real store: staff and a signed-out window are refused every owner command, and the
//! database file does not change by a single byte.

use std::path::{Path, PathBuf};

use partnerdesk_core::people::{NewPerson, Person, PersonRole, PinChange};
use partnerdesk_core::{Actor, Desk};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::INVOKE_KEY;
use tauri::test::{get_ipc_response, mock_builder, MockRuntime};
use tauri::webview::InvokeRequest;
use tauri::{Manager, WebviewWindow};

use crate::state::{Access, App, Launch, COMMANDS};

/// A store with the demo shop, its owner and one staff member, as the app opens it.
struct Shop {
    _dir: tempfile::TempDir,
    db: PathBuf,
    owner: Person,
    staff: Person,
    window: WebviewWindow<MockRuntime>,
}

fn pin(digits: &str) -> PinChange {
    PinChange {
        pin: digits.into(),
        pin_again: digits.into(),
    }
}

fn shop() -> Shop {
    let dir = tempfile::tempdir().unwrap();
    // The owner's pass reaches "Back up now" and "Restore from a file…": their native
    // dialogs answer from these, as in the end-to-end tests.
    std::env::set_var("PARTNERDESK_SAVE_DIR", dir.path());
    std::env::set_var(
        "PARTNERDESK_OPEN_FILE",
        dir.path().join("no-such-backup.sqlite3"),
    );
    // "Open folder" opens nothing in a test.
    std::env::set_var("PARTNERDESK_NO_OPEN", "1");
    let (desk, owner, staff) = tauri::async_runtime::block_on(async {
        let desk = Desk::open(dir.path()).await.unwrap();
        desk.load_demo().await.unwrap();
        let owner = desk
            .create_first_owner("Ada Owner", &pin("2468"))
            .await
            .unwrap()
            .person;
        let new = NewPerson {
            name: "Łucja Staff".into(),
            role: PersonRole::Staff,
            pin: "1357".into(),
            pin_again: "1357".into(),
        };
        let staff = desk.add_person(&new, &Actor::person(&owner)).await.unwrap();
        (desk, owner, staff)
    });
    let db = desk.db_path().to_path_buf();
    let launch = Launch {
        till_only: false,
        needs_owner: false,
        idle_lock_minutes: 10,
    };
    let app = mock_builder()
        .plugin(tauri_plugin_updater::Builder::new().build())
        .manage(App::new(dir.path().to_path_buf(), Ok(desk), launch))
        .invoke_handler(with_command_list!(handler))
        .build(crate::updates_tests::context_with_updater(
            "http://127.0.0.1:9/latest.json",
        ))
        .unwrap();
    let window = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .unwrap();
    Shop {
        _dir: dir,
        db,
        owner,
        staff,
        window,
    }
}

/// The database as files: the main file and its write-ahead log, byte for byte.
fn file_bytes(db: &Path) -> Vec<Vec<u8>> {
    ["", "-wal"]
        .iter()
        .map(|suffix| {
            let mut path = db.as_os_str().to_owned();
            path.push(suffix);
            std::fs::read(path).unwrap_or_default()
        })
        .collect()
}

/// What `command` answers, called with no arguments: the guard is every command's first
/// argument, so it answers before any other is read.
fn call(window: &WebviewWindow<MockRuntime>, command: &str) -> Result<(), serde_json::Value> {
    let request = InvokeRequest {
        cmd: command.into(),
        callback: CallbackFn(0),
        error: CallbackFn(1),
        url: "tauri://localhost".parse().unwrap(),
        body: InvokeBody::default(),
        headers: Default::default(),
        invoke_key: INVOKE_KEY.into(),
    };
    get_ipc_response(window, request).map(drop)
}

fn refused(answer: &Result<(), serde_json::Value>) -> bool {
    matches!(answer, Err(error) if error["code"] == "forbidden")
}

/// Calls every command with `signed_in` at the window before each (a `lock` in the list
/// must not change who the next command sees).
fn call_all_as(shop: &Shop, signed_in: Option<&Person>) -> Vec<(&'static str, Access, bool)> {
    let app = shop.window.state::<App>();
    COMMANDS
        .iter()
        .map(|(name, access)| {
            match signed_in {
                Some(person) => drop(app.start_session(person.clone())),
                None => app.end_session(),
            }
            (*name, *access, refused(&call(&shop.window, name)))
        })
        .collect()
}

#[test]
fn staff_and_a_signed_out_window_are_refused_every_owner_command_and_nothing_changes() {
    let shop = shop();
    let before = file_bytes(&shop.db);
    for (name, access, refused) in call_all_as(&shop, Some(&shop.staff)) {
        let expected = matches!(access, Access::Owner | Access::Setup);
        assert_eq!(refused, expected, "{name} ({access:?}) in a staff session");
    }
    for (name, access, refused) in call_all_as(&shop, None) {
        let expected = access != Access::BeforeSignIn;
        assert_eq!(refused, expected, "{name} ({access:?}) signed out");
    }
    assert!(
        file_bytes(&shop.db) == before,
        "refused commands changed the database file"
    );
    // The same calls get past every guard for the owner, so the refusals above are the
    // guards' doing and not some other failure.
    for (name, access, refused) in call_all_as(&shop, Some(&shop.owner)) {
        assert!(!refused, "{name} ({access:?}) refused the owner");
    }
}

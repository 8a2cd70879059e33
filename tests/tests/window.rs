//! The harness itself: the built app opens a real window that tests can read.

use partnerdesk_e2e::{fresh_data_dir, App};

#[test]
fn window_opens_titled_partnerdesk() {
    let data = fresh_data_dir();
    let app = App::launch(data.path());
    let title = app.wait_until("a window title", |app| {
        let title = app.title();
        (!title.is_empty()).then_some(title)
    });
    assert_eq!(title, "Partnerdesk");
    app.screenshot("window-opens");
}

//! The shop's logo: the owner chooses an SVG in Settings (through the open-file seam), sees
//! it as it will print, and finds it stored; a broken SVG is refused in words and the logo
//! kept.

use partnerdesk_e2e::{fresh_data_dir, ids, query_one, App, Launch};

#[test]
fn a_logo_is_chosen_in_settings_shown_and_a_bad_file_refused() {
    let data = fresh_data_dir();
    let files = tempfile::tempdir().expect("dir");
    let svg = files.path().join("logo.svg");
    std::fs::write(
        &svg,
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40">
             <rect width="120" height="40" rx="8" fill="#1e4570"/>
             <circle cx="20" cy="20" r="12" fill="#f2c14e"/></svg>"##,
    )
    .expect("svg");
    let mut app = App::launch_with(data.path(), Launch::new().demo().open_file(&svg));
    app.sign_in_as_owner();
    app.click(ids::nav::SETTINGS);
    app.wait_for(ids::settings::logo::NONE);
    app.click(ids::settings::logo::CHOOSE);
    app.wait_for(ids::settings::logo::PREVIEW);
    assert_eq!(
        query_one(
            data.path(),
            "SELECT length(logo_png) > 0 FROM business_profile"
        ),
        "1"
    );
    app.screenshot("settings-logo");

    // The same seam now answers with a file that is no picture.
    std::fs::write(&svg, r#"<svg xmlns="http://www.w3.org/2000/svg"><rect"#).expect("overwrite");
    app.click(ids::settings::logo::CHOOSE);
    app.wait_for_text(ids::settings::logo::ERROR, "SVG logo could not be read");
    assert!(
        app.is_shown(ids::settings::logo::PREVIEW),
        "the old logo stays"
    );
    app.quit();
}

//! Settings → Shop server's "Test connection" (issue 21): each way a server cannot be used
//! gets its own plain answer naming the field to fix, and a server that can be used says
//! what it holds. Runs in `make test-server`, against its throwaway cluster.

use partnerdesk_core::error::{Error, Field, ServerError, StoreError};
use partnerdesk_core::partners::PartnerStatus;
use partnerdesk_core::store::{check_server, ServerSettings};
use partnerdesk_core::testing::{
    desk_with_profile, new_server_database, on_server, partner, server_admin_connection,
};
use partnerdesk_core::Actor;

fn with(server: &ServerSettings, change: impl FnOnce(&mut ServerSettings)) -> ServerSettings {
    let mut changed = server.clone();
    change(&mut changed);
    changed
}

#[tokio::test]
async fn test_connection_names_what_is_wrong_and_what_is_there() {
    if !on_server() {
        return; // Needs the suite's server: `make test-server`.
    }
    let server = new_server_database().await;

    let fresh = check_server(&server).await.expect("an empty database");
    assert_eq!((fresh.schema, fresh.empty), (0, true));
    assert!(
        fresh.summary.contains("an empty database"),
        "{}",
        fresh.summary
    );

    let refused = with(&server, |s| s.port = 1);
    let err = check_server(&refused).await.unwrap_err();
    assert!(
        matches!(&err, Error::Server(ServerError::Refused { port: 1, .. })),
        "{err:?}"
    );
    assert_eq!(err.field(), Some(Field::Host));
    assert!(err.to_string().contains("port 1"), "{err}");

    let wrong_password = with(&server, |s| s.password = "not the password".into());
    let err = check_server(&wrong_password).await.unwrap_err();
    assert!(
        matches!(&err, Error::Server(ServerError::AuthFailed { .. })),
        "{err:?}"
    );
    assert_eq!(err.field(), Some(Field::Password));

    let nowhere = with(&server, |s| s.database = "no_such_shop".into());
    let err = check_server(&nowhere).await.unwrap_err();
    assert!(
        matches!(&err, Error::Server(ServerError::NoDatabase { .. })),
        "{err:?}"
    );
    assert_eq!(err.field(), Some(Field::Database));
    assert!(err.to_string().contains("no_such_shop"), "{err}");

    // A database that keeps text in another encoding would count a name's bytes, not its
    // letters: refused by name.
    let mut admin = server_admin_connection(&server.database).await;
    sqlx::query(
        "CREATE DATABASE not_unicode ENCODING 'SQL_ASCII' LC_COLLATE 'C' LC_CTYPE 'C' \
         TEMPLATE template0",
    )
    .execute(&mut admin)
    .await
    .expect("a SQL_ASCII database");
    let ascii = with(&server, |s| s.database = "not_unicode".into());
    let err = check_server(&ascii).await.unwrap_err();
    assert!(
        matches!(&err, Error::Server(ServerError::NotUtf8 { .. })),
        "{err:?}"
    );
    assert_eq!(err.field(), Some(Field::Database));

    // TLS: encrypted where the server offers it (Debian's clusters do, with their own
    // certificate), else refused by name.
    let encrypted = with(&server, |s| s.tls = true);
    match check_server(&encrypted).await {
        Ok(check) => assert_eq!(check.schema, 0),
        Err(err) => {
            assert!(matches!(&err, Error::Server(ServerError::NoTls)), "{err:?}");
            assert_eq!(err.field(), Some(Field::Tls));
        }
    }
}

#[tokio::test]
async fn a_server_in_use_reports_its_partners_and_a_newer_one_is_refused_untouched() {
    if !on_server() {
        return; // Needs the suite's server: `make test-server`.
    }
    let t = desk_with_profile().await;
    t.create_partner(
        &partner("Café Müller"),
        PartnerStatus::Active,
        &Actor::owner(),
    )
    .await
    .expect("partner");
    let server = t.server.clone().expect("a server desk");
    let check = check_server(&server).await.expect("check");
    assert!(!check.empty);
    assert!(
        check.summary.contains("1 partners, up to date"),
        "{}",
        check.summary
    );
    t.close().await;

    // As a newer Partnerdesk would leave it: one more migration than this build knows.
    let mut conn = server_admin_connection(&server.database).await;
    sqlx::query(
        "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time)
         VALUES (29991231000001, 'from the future', true, '\\x00', 0)",
    )
    .execute(&mut conn)
    .await
    .expect("a newer migration");
    let err = check_server(&server).await.unwrap_err();
    assert!(
        matches!(
            &err,
            Error::Store(StoreError::TooNew {
                db_schema: 29991231000001,
                ..
            })
        ),
        "{err:?}"
    );
}

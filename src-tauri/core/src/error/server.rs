//! Why the shop's server could not be used, in words the owner can act on.

/// The shop's PostgreSQL server could not be reached, signed in to or used. Nothing on it
/// was changed.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    /// Nothing answered at the address (switched off, another network, a wrong host name).
    #[error(
        "Nothing answered at {host}, port {port}. Check that the shop's server is switched \
         on and on this network, and that the host and port are right."
    )]
    Unreachable { host: String, port: u16 },
    /// A computer answered, but no PostgreSQL server listens on the port.
    #[error(
        "The computer at {host} refused the connection on port {port}: no PostgreSQL server \
         is listening there. Check the port, and that the server is running."
    )]
    Refused { host: String, port: u16 },
    /// The user name or password was not accepted.
    #[error("The server did not accept the user {user} with this password.")]
    AuthFailed { user: String },
    /// The server has no database of that name.
    #[error(
        "The server has no database called {database}. Whoever runs the server creates it \
         (docs/SHOP-SERVER.md); then try again."
    )]
    NoDatabase { database: String },
    /// TLS was asked for and the server does not offer it.
    #[error(
        "The server does not offer an encrypted connection. Turn TLS off here, or switch SSL \
         on at the server."
    )]
    NoTls,
    /// The database stores text in another encoding than UTF-8, where names would be
    /// measured in bytes and sorted differently.
    #[error(
        "The database {database} on the server does not store text as UTF-8. Whoever runs \
         the server creates it with UTF-8 (docs/SHOP-SERVER.md); then try again."
    )]
    NotUtf8 { database: String },
    /// The server answered with something else.
    #[error("The shop's server answered with an error: {detail}")]
    Other { detail: String },
}

impl ServerError {
    /// What connecting to `host`:`port` as `user` on `database` went wrong with, named.
    pub(crate) fn from_connect(err: sqlx::Error, server: &crate::store::ServerSettings) -> Self {
        use std::io::ErrorKind;
        let (host, port) = (server.host.clone(), server.port);
        match &err {
            sqlx::Error::Io(io) if io.kind() == ErrorKind::ConnectionRefused => {
                ServerError::Refused { host, port }
            }
            sqlx::Error::Io(_) | sqlx::Error::PoolTimedOut => {
                ServerError::Unreachable { host, port }
            }
            sqlx::Error::Tls(_) => ServerError::NoTls,
            sqlx::Error::Database(db) => match db.code().as_deref() {
                // invalid_password, invalid_authorization_specification
                Some("28P01" | "28000") => ServerError::AuthFailed {
                    user: server.user.clone(),
                },
                // invalid_catalog_name
                Some("3D000") => ServerError::NoDatabase {
                    database: server.database.clone(),
                },
                _ => ServerError::Other {
                    detail: db.message().to_string(),
                },
            },
            other => ServerError::Other {
                detail: other.to_string(),
            },
        }
    }
}

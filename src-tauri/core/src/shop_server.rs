//! Which shop server this computer works on, kept in its own data folder: the tills and the
//! owner's laptop each remember it, since the shared database cannot say how to reach
//! itself. The password is in the same file, readable by this user only (0600), as the
//! database file is; an OS keyring is not used yet.

use std::path::{Path, PathBuf};

use crate::store::ServerSettings;

/// The file in the data folder that names the server; absent, the app works on its file.
const FILE_NAME: &str = "shop-server.json";

fn path_in(data_dir: &Path) -> PathBuf {
    data_dir.join(FILE_NAME)
}

/// The server this computer works on, if one was saved. A file that cannot be read as
/// settings is treated as none, and said so in the log: the app then opens its own file.
pub fn saved(data_dir: &Path) -> Option<ServerSettings> {
    let text = std::fs::read_to_string(path_in(data_dir)).ok()?;
    match serde_json::from_str(&text) {
        Ok(settings) => Some(settings),
        Err(err) => {
            tracing::warn!(%err, "the shop server settings could not be read; using the file");
            None
        }
    }
}

/// Remembers `server` for the next start, written whole (a new file renamed over the old)
/// and readable by this user only.
pub fn save(data_dir: &Path, server: &ServerSettings) -> std::io::Result<()> {
    let json = serde_json::to_vec_pretty(server).map_err(std::io::Error::other)?;
    let target = path_in(data_dir);
    let fresh = data_dir.join(format!("{FILE_NAME}.new"));
    let mut options = std::fs::File::options();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    {
        use std::io::Write;
        let mut file = options.open(&fresh)?;
        file.write_all(&json)?;
        file.sync_all()?;
    }
    crate::store::make_private(&fresh);
    std::fs::rename(&fresh, &target)
}

/// Forgets the server: the next start opens this computer's own file.
pub fn forget(data_dir: &Path) -> std::io::Result<()> {
    match std::fs::remove_file(path_in(data_dir)) {
        Err(err) if err.kind() != std::io::ErrorKind::NotFound => Err(err),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings() -> ServerSettings {
        ServerSettings {
            host: "till-pc.local".into(),
            port: 5432,
            database: "partnerdesk".into(),
            user: "desk".into(),
            password: "Łódź-ŝecret".into(),
            tls: true,
        }
    }

    #[test]
    fn saved_settings_come_back_whole_and_only_this_user_can_read_them() {
        let dir = tempfile::tempdir().expect("dir");
        assert_eq!(saved(dir.path()), None);
        save(dir.path(), &settings()).expect("save");
        assert_eq!(saved(dir.path()), Some(settings()));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(path_in(dir.path()))
                .expect("file")
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        forget(dir.path()).expect("forget");
        assert_eq!(saved(dir.path()), None);
        forget(dir.path()).expect("forgetting twice is fine");
    }
}

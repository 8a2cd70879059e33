// sqlx::migrate! embeds migrations at compile time; without this a new migration
// file would not trigger a rebuild and could silently miss the binary.
fn main() {
    println!("cargo:rerun-if-changed=../../migrations/sqlite");
    println!("cargo:rerun-if-changed=../../migrations/postgres");
}

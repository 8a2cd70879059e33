//! Recomputing the stored name keys of partners, people and campaigns when the rule that
//! makes them changes (`text::NAME_KEY_VERSION`).
//!
//! The rule is Unicode folding that SQL cannot express, so it runs here in Rust when the
//! store opens, after migrations, rather than in a migration. It is done once per rule
//! version (remembered in `store_meta`), all in one transaction: a crash half-way leaves
//! every key as it was and the next open tries again. Only keys change, never a name, so
//! this is no edit of anyone's record and writes no audit entry; a key is derived data,
//! like an index.

use super::{Conn, Pool};
use crate::on;

/// The `store_meta` row remembering which rule the stored keys were made by.
const META_KEY: &str = "name_key_version";

/// A character cleaning removes from every name, so no key made from a name holds it: it
/// can tell apart two rows whose names the new rule says are the same, without being
/// matched by anything a person searches for.
const APART: char = '\u{1F}';

/// Re-keys every partner, person and campaign with `key` unless the keys were already made by
/// `version`. Returns how many keys changed.
///
/// Two rows that were different names under the old rule and are the same under the new
/// one (a composed and a decomposed `Café`, kept apart by the old rule) both stay: the older
/// row gets the plain key, the later one the key with [`APART`] added, so the store still
/// opens and nothing is lost. A third such name is then refused as a duplicate of the first,
/// and so is saving the later row until the owner renames it.
pub async fn rekey(pool: &Pool, version: i64, key: fn(&str) -> String) -> sqlx::Result<u64> {
    let mut tx = pool.begin().await?;
    let stored: Option<String> = on!(&mut tx, db => sqlx::query_scalar("SELECT value FROM store_meta WHERE key = $1")
        .bind(META_KEY)
        .fetch_optional(db)
        .await)?;
    if stored.and_then(|v| v.parse::<i64>().ok()) == Some(version) {
        return Ok(0);
    }
    let mut changed = 0;
    for table in [Table::Partners, Table::People, Table::Campaigns] {
        changed += rekey_table(&mut tx, table, key).await?;
    }
    on!(&mut tx, db => sqlx::query(
        "INSERT INTO store_meta (key, value) VALUES ($1, $2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )
    .bind(META_KEY)
    .bind(version.to_string())
    .execute(db)
    .await
    .map(|done| done.rows_affected()))?;
    tx.commit().await?;
    Ok(changed)
}

#[derive(Debug, Clone, Copy)]
enum Table {
    Partners,
    People,
    Campaigns,
}

impl Table {
    fn select(self) -> &'static str {
        match self {
            Table::Partners => "SELECT id, name, name_key FROM partners ORDER BY id",
            Table::People => "SELECT id, name, name_key FROM people ORDER BY id",
            Table::Campaigns => "SELECT id, name, name_key FROM campaigns ORDER BY id",
        }
    }

    fn update(self) -> &'static str {
        match self {
            Table::Partners => "UPDATE partners SET name_key = $2 WHERE id = $1",
            Table::People => "UPDATE people SET name_key = $2 WHERE id = $1",
            Table::Campaigns => "UPDATE campaigns SET name_key = $2 WHERE id = $1",
        }
    }
}

async fn rekey_table(conn: &mut Conn, table: Table, key: fn(&str) -> String) -> sqlx::Result<u64> {
    let rows: Vec<(i64, String, String)> =
        on!(conn, db => sqlx::query_as(table.select()).fetch_all(db).await)?;
    let mut taken = std::collections::HashSet::new();
    let mut new_keys = Vec::with_capacity(rows.len());
    for (id, name, old) in rows {
        let mut new = key(&name);
        while !taken.insert(new.clone()) {
            new.push(APART);
        }
        if new != old {
            new_keys.push((id, new));
        }
    }
    // Park the changing rows on keys no name can have first, so no row's new key meets
    // another's old one half-way and trips the UNIQUE index.
    for (id, _) in &new_keys {
        on!(conn, db => sqlx::query(table.update())
            .bind(id)
            .bind(format!("{APART}{APART}{id}"))
            .execute(db)
            .await
            .map(|done| done.rows_affected()))?;
    }
    for (id, new) in &new_keys {
        on!(conn, db => sqlx::query(table.update())
            .bind(id)
            .bind(new)
            .execute(db)
            .await
            .map(|done| done.rows_affected()))?;
    }
    Ok(new_keys.len() as u64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::desk::Actor;
    use crate::partners::PartnerStatus;
    use crate::testing;
    use crate::text::{name_key, NAME_KEY_VERSION};

    /// The key rule before Unicode folding: lower case and collapsed spaces only.
    fn old_key(name: &str) -> String {
        name.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    }

    async fn force(pool: &Pool, table: &str, id: i64, name: &str, key: &str) {
        let sql = format!("UPDATE {table} SET name = $2, name_key = $3 WHERE id = $1");
        let mut conn = pool.acquire().await.unwrap();
        on!(&mut conn, db => sqlx::query(&sql)
            .bind(id)
            .bind(name)
            .bind(key)
            .execute(db)
            .await
            .map(|done| done.rows_affected()))
        .unwrap();
    }

    async fn forget_version(pool: &Pool) {
        let mut conn = pool.acquire().await.unwrap();
        on!(&mut conn, db => sqlx::query("DELETE FROM store_meta WHERE key = $1")
            .bind(META_KEY)
            .execute(db)
            .await
            .map(|done| done.rows_affected()))
        .unwrap();
    }

    async fn keys(pool: &Pool, table: &str) -> Vec<String> {
        let sql = format!("SELECT name_key FROM {table} ORDER BY id");
        let mut conn = pool.acquire().await.unwrap();
        on!(&mut conn, db => sqlx::query_scalar(&sql).fetch_all(db).await).unwrap()
    }

    #[tokio::test]
    async fn old_keys_are_recomputed_once_and_old_look_alikes_both_survive() {
        let t = testing::desk_with_profile().await;
        let pool = &t.desk.pools.writer;
        let mut ids = Vec::new();
        for name in ["Crumb & Co.", "Bean There", "Straße Café"] {
            let p = t
                .create_partner(
                    &testing::partner(name),
                    PartnerStatus::Prospect,
                    &Actor::owner(),
                )
                .await
                .unwrap();
            ids.push(p.id.0);
        }
        // As an older build stored them: the same shop twice, told apart by old keys.
        force(pool, "partners", ids[0], "Caf\u{e9}", &old_key("Caf\u{e9}")).await;
        force(
            pool,
            "partners",
            ids[1],
            "Cafe\u{301}",
            &old_key("Cafe\u{301}"),
        )
        .await;
        force(pool, "partners", ids[2], "Straße", &old_key("Straße")).await;
        forget_version(pool).await;

        let changed = rekey(pool, NAME_KEY_VERSION, name_key).await.unwrap();
        assert_eq!(changed, 2);
        let now = keys(pool, "partners").await;
        assert_eq!(now[0], name_key("Café"));
        assert_eq!(now[1], format!("{}{APART}", name_key("Café")));
        assert_eq!(now[2], "strasse");

        // A third look-alike is now refused, as new ones always are.
        let err = t
            .create_partner(
                &testing::partner("CAFÉ"),
                PartnerStatus::Prospect,
                &Actor::owner(),
            )
            .await
            .unwrap_err();
        assert!(err.to_string().contains("already"), "{err}");

        assert_eq!(rekey(pool, NAME_KEY_VERSION, name_key).await.unwrap(), 0);
    }
}

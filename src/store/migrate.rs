//! Numbered SQL migrations from `schema/migrations/`, applied in order in
//! one transaction each; `PRAGMA user_version` records the schema version.

use rusqlite::Connection;

use super::{Result, StoreError};

/// `(version, SQL)` for every migration, in order.
const MIGRATIONS: &[(i64, &str)] = &[
    (1, include_str!("../../schema/migrations/0001_archive.sql")),
    (2, include_str!("../../schema/migrations/0002_curation.sql")),
    (3, include_str!("../../schema/migrations/0003_formats.sql")),
    (4, include_str!("../../schema/migrations/0004_identity.sql")),
    (5, include_str!("../../schema/migrations/0005_accounts.sql")),
    (
        6,
        include_str!("../../schema/migrations/0006_curation_web.sql"),
    ),
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS[MIGRATIONS.len() - 1].0;

pub(super) fn migrate(conn: &mut Connection) -> Result<()> {
    let current: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if current > SCHEMA_VERSION {
        return Err(StoreError::TooNew {
            found: current,
            supported: SCHEMA_VERSION,
        });
    }
    for (version, sql) in MIGRATIONS.iter().filter(|(v, _)| *v > current) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", version)?;
        tx.execute(
            "INSERT INTO meta (key, value) VALUES ('schema_version', ?1)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [version.to_string()],
        )?;
        tx.commit()?;
    }
    Ok(())
}

//! Numbered SQL migrations from `schema/migrations/`, applied in order in
//! one transaction each; `PRAGMA user_version` records the schema version.
//! A migration that converts data SQL cannot (compressing the originals,
//! version 7; packing each testimony's passages into one row, version 8,
//! and each tag's evidence into the tag, version 9) names its Rust step,
//! run in the same transaction after its SQL.

use rusqlite::{Connection, Transaction};

use super::{Result, StoreError};

/// One numbered migration.
struct Migration {
    version: i64,
    sql: &'static str,
    /// A Rust step run after the SQL in the same transaction, for data SQL
    /// cannot convert.
    data: Option<fn(&Transaction<'_>) -> Result<()>>,
    /// Whether it frees much of the file (rewritten tables, compressed
    /// blobs): an existing archive that passes it is vacuumed.
    shrinks: bool,
}

impl Migration {
    /// A migration that is SQL alone.
    const fn sql(version: i64, sql: &'static str) -> Migration {
        Migration {
            version,
            sql,
            data: None,
            shrinks: false,
        }
    }
}

/// Version 7's data step: compress the stored originals.
fn compress_originals(tx: &Transaction<'_>) -> Result<()> {
    super::blob::compress_stored(tx)?;
    Ok(())
}

/// Version 8's data step: pack each testimony's segments into one row.
fn pack_segments(tx: &Transaction<'_>) -> Result<()> {
    super::passages::pack_segments(tx)?;
    Ok(())
}

/// Version 9's data step: pack each tag's evidence rows into the tag.
fn pack_evidence(tx: &Transaction<'_>) -> Result<()> {
    super::evidence::pack_rows(tx)?;
    Ok(())
}

/// Every migration, in order.
const MIGRATIONS: &[Migration] = &[
    Migration::sql(1, include_str!("../../schema/migrations/0001_archive.sql")),
    Migration::sql(2, include_str!("../../schema/migrations/0002_curation.sql")),
    Migration::sql(3, include_str!("../../schema/migrations/0003_formats.sql")),
    Migration::sql(4, include_str!("../../schema/migrations/0004_identity.sql")),
    Migration::sql(5, include_str!("../../schema/migrations/0005_accounts.sql")),
    Migration::sql(
        6,
        include_str!("../../schema/migrations/0006_curation_web.sql"),
    ),
    Migration {
        version: 7,
        sql: include_str!("../../schema/migrations/0007_compact.sql"),
        data: Some(compress_originals),
        shrinks: true,
    },
    Migration {
        version: 8,
        sql: include_str!("../../schema/migrations/0008_passages.sql"),
        data: Some(pack_segments),
        shrinks: true,
    },
    Migration {
        version: 9,
        sql: include_str!("../../schema/migrations/0009_evidence.sql"),
        data: Some(pack_evidence),
        shrinks: true,
    },
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS[MIGRATIONS.len() - 1].version;

pub(super) fn migrate(conn: &mut Connection) -> Result<()> {
    let current: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if current > SCHEMA_VERSION {
        return Err(StoreError::TooNew {
            found: current,
            supported: SCHEMA_VERSION,
        });
    }
    let mut shrunk = false;
    for m in MIGRATIONS.iter().filter(|m| m.version > current) {
        let version = m.version;
        let tx = conn.transaction()?;
        // Another process opening the archive at the same moment may have
        // applied it while this one waited for the write lock.
        let now: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
        if now >= version {
            continue;
        }
        shrunk |= m.shrinks && now > 0;
        tx.execute_batch(m.sql)?;
        if let Some(step) = m.data {
            step(&tx)?;
        }
        tx.pragma_update(None, "user_version", version)?;
        tx.execute(
            "INSERT INTO meta (key, value) VALUES ('schema_version', ?1)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [version.to_string()],
        )?;
        tx.commit()?;
    }
    if shrunk {
        // The migrated archive is complete; giving the freed pages back to
        // the filesystem is an optimisation. When it cannot be done now
        // (another process reading the archive, too little disk for the
        // copy VACUUM makes), later writes reuse the free pages instead.
        let _ = conn.execute_batch("VACUUM");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A database at schema version 6 holding `originals` as tanu 6 stored
    /// them (uncompressed).
    fn version_6(path: &std::path::Path, originals: &[Vec<u8>]) {
        let mut conn = Connection::open(path).expect("open");
        conn.pragma_update(None, "journal_mode", "WAL")
            .expect("wal");
        for m in MIGRATIONS.iter().filter(|m| m.version <= 6) {
            let tx = conn.transaction().expect("tx");
            tx.execute_batch(m.sql).expect("migration");
            tx.pragma_update(None, "user_version", m.version)
                .expect("version");
            tx.commit().expect("commit");
        }
        for bytes in originals {
            conn.execute(
                "INSERT INTO original (sha256, bytes, size, first_seen) VALUES (?1, ?2, ?3, '2026-12-01T10:00:00Z')",
                rusqlite::params![crate::hash::sha256_hex(&[bytes]), bytes, bytes.len() as i64],
            )
            .expect("insert");
        }
    }

    fn transcript(i: usize) -> Vec<u8> {
        format!(
            "[00:00:{:02}] N: Novemberben vittek el minket, háromnapi munkára, mondták. \
             Szolyván voltunk két hétig, aztán bevagoníroztak. Нас привезли в Донбасс, {i}.\n",
            i % 60
        )
        .repeat(200)
        .into_bytes()
    }

    #[test]
    fn version_7_compresses_stored_originals_and_gives_the_space_back() {
        let dir = tempfile::tempdir().expect("tmp");
        let path = dir.path().join("tanu.sqlite");
        let mut originals: Vec<Vec<u8>> = (0..40).map(transcript).collect();
        // A damaged original (its bytes no longer match the hash it is
        // stored under) is left exactly as it is, for `tanu check`.
        let good = transcript(99);
        version_6(&path, &originals);
        let conn = Connection::open(&path).expect("open");
        conn.execute(
            "INSERT INTO original (sha256, bytes, size, first_seen) VALUES (?1, ?2, ?3, 'x')",
            rusqlite::params![
                crate::hash::sha256_hex(&[&good]),
                b"forged".to_vec(),
                good.len() as i64
            ],
        )
        .expect("insert damaged");
        conn.pragma_update(None, "wal_checkpoint", "TRUNCATE")
            .expect("checkpoint");
        drop(conn);
        let before = std::fs::metadata(&path).expect("size").len();

        let mut conn = Connection::open(&path).expect("open");
        migrate(&mut conn).expect("migrate");
        conn.pragma_update(None, "wal_checkpoint", "TRUNCATE")
            .expect("checkpoint");
        let after = std::fs::metadata(&path).expect("size").len();
        assert!(after * 3 < before, "{after} of {before} bytes");
        let version: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .expect("version");
        assert_eq!(version, SCHEMA_VERSION);
        let mut read = conn
            .prepare("SELECT codec, bytes, size FROM original WHERE sha256 = ?1")
            .expect("prepare");
        for bytes in originals.drain(..) {
            let sha = crate::hash::sha256_hex(&[&bytes]);
            let (codec, stored, size): (String, Vec<u8>, i64) = read
                .query_row([&sha], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                .expect("row");
            assert_eq!(codec, "zstd");
            assert!(stored.len() < bytes.len() / 4);
            assert_eq!(
                super::super::blob::decode(&codec, stored, size, &sha),
                Ok(bytes)
            );
        }
        let (codec, stored): (String, Vec<u8>) = read
            .query_row([crate::hash::sha256_hex(&[&good])], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .expect("damaged row");
        assert_eq!(
            (codec.as_str(), stored.as_slice()),
            ("none", &b"forged"[..])
        );
    }
}

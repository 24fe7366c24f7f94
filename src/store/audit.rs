//! The append-only, hash-chained audit log.
//!
//! Each entry's hash is SHA-256 over the previous entry's hash and the
//! entry's own fields; the newest entry's sequence number and hash are also
//! kept in `meta` (`audit_head`). Editing, deleting or reordering any entry
//! breaks the chain at that entry, and removing entries from the end no
//! longer matches the head. `tanu audit verify` prints the head hash so it
//! can be written down outside the archive as an external anchor.

use rusqlite::{OptionalExtension, Transaction, params};
use serde::Serialize;

use super::{Result, Store};

/// The hash before the first entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// One audit log entry.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AuditEntry {
    /// Sequence number, from 1.
    pub seq: i64,
    /// When (UTC, RFC 3339).
    pub at: String,
    /// Who (curator name, or the OS user for ingest).
    pub actor: String,
    /// What kind of operation (`ingest`, `tag.confirm`, `redact`, …).
    pub op: String,
    /// What it was done to (usually a testimony id).
    pub target: String,
    /// State before, as JSON.
    pub before: Option<serde_json::Value>,
    /// State after, as JSON.
    pub after: Option<serde_json::Value>,
    /// Why, as given by the curator.
    pub reason: String,
    /// Hash of the previous entry.
    pub prev_hash: String,
    /// This entry's hash.
    pub hash: String,
}

/// What `verify` found wrong, naming the first bad entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditProblem {
    /// Sequence number of the first bad entry (or where one is missing).
    pub seq: i64,
    /// What is wrong.
    pub problem: String,
}

/// The fields of an entry that its hash covers.
struct Hashed<'a> {
    seq: i64,
    at: &'a str,
    actor: &'a str,
    op: &'a str,
    target: &'a str,
    before: Option<&'a str>,
    after: Option<&'a str>,
    reason: &'a str,
}

fn entry_hash(prev: &str, e: &Hashed<'_>) -> String {
    let canonical = serde_json::json!([
        e.seq, e.at, e.actor, e.op, e.target, e.before, e.after, e.reason
    ])
    .to_string();
    crate::hash::sha256_hex(&[prev.as_bytes(), b"\n", canonical.as_bytes()])
}

/// Appends an entry inside `tx`; returns its sequence number.
#[allow(clippy::too_many_arguments)]
pub(crate) fn append(
    tx: &Transaction<'_>,
    actor: &str,
    op: &str,
    target: &str,
    before: Option<&serde_json::Value>,
    after: Option<&serde_json::Value>,
    reason: &str,
) -> Result<i64> {
    let last: Option<(i64, String)> = tx
        .query_row(
            "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let (seq, prev) = match last {
        Some((s, h)) => (s + 1, h),
        None => (1, GENESIS.to_string()),
    };
    let at = crate::dates::now_rfc3339();
    let before = before.map(|v| v.to_string());
    let after = after.map(|v| v.to_string());
    let hash = entry_hash(
        &prev,
        &Hashed {
            seq,
            at: &at,
            actor,
            op,
            target,
            before: before.as_deref(),
            after: after.as_deref(),
            reason,
        },
    );
    tx.execute(
        "INSERT INTO audit (seq, at, actor, op, target, before, after, reason, prev_hash, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            seq, at, actor, op, target, before, after, reason, prev, hash
        ],
    )?;
    tx.execute(
        "INSERT INTO meta (key, value) VALUES ('audit_head', ?1)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [format!("{seq} {hash}")],
    )?;
    Ok(seq)
}

impl Store {
    /// Audit entries, oldest first, optionally only those at or after
    /// `since` (an RFC 3339 time or a date) and about `target`.
    pub fn audit_log(&self, since: Option<&str>, target: Option<&str>) -> Result<Vec<AuditEntry>> {
        let mut stmt = self.conn.prepare(
            "SELECT seq, at, actor, op, target, before, after, reason, prev_hash, hash FROM audit
             WHERE (?1 IS NULL OR at >= ?1) AND (?2 IS NULL OR target = ?2) ORDER BY seq",
        )?;
        let rows = stmt.query_map(params![since, target], |r| {
            let before: Option<String> = r.get(5)?;
            let after: Option<String> = r.get(6)?;
            Ok(AuditEntry {
                seq: r.get(0)?,
                at: r.get(1)?,
                actor: r.get(2)?,
                op: r.get(3)?,
                target: r.get(4)?,
                before: before.and_then(|s| serde_json::from_str(&s).ok()),
                after: after.and_then(|s| serde_json::from_str(&s).ok()),
                reason: r.get(7)?,
                prev_hash: r.get(8)?,
                hash: r.get(9)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Checks the whole chain. Returns the number of entries and the head
    /// hash, or the first bad entry.
    pub fn audit_verify(&self) -> Result<Result<(i64, String), AuditProblem>> {
        let mut stmt = self.conn.prepare(
            "SELECT seq, at, actor, op, target, before, after, reason, prev_hash, hash FROM audit ORDER BY rowid",
        )?;
        let mut rows = stmt.query([])?;
        let mut prev = GENESIS.to_string();
        let mut expected_seq = 1i64;
        let mut count = 0i64;
        while let Some(r) = rows.next()? {
            let seq: i64 = r.get(0)?;
            let at: String = r.get(1)?;
            let actor: String = r.get(2)?;
            let op: String = r.get(3)?;
            let target: String = r.get(4)?;
            let before: Option<String> = r.get(5)?;
            let after: Option<String> = r.get(6)?;
            let reason: String = r.get(7)?;
            let prev_hash: String = r.get(8)?;
            let hash: String = r.get(9)?;
            if seq != expected_seq {
                let problem = if seq > expected_seq {
                    format!("entry {expected_seq} is missing (deleted?); the next entry is {seq}")
                } else {
                    format!("entry {seq} is out of order (expected {expected_seq})")
                };
                return Ok(Err(AuditProblem {
                    seq: expected_seq.min(seq),
                    problem,
                }));
            }
            if prev_hash != prev {
                return Ok(Err(AuditProblem {
                    seq,
                    problem: format!(
                        "entry {seq} does not follow the previous entry (chain broken: reordered or an earlier entry removed)"
                    ),
                }));
            }
            let recomputed = entry_hash(
                &prev,
                &Hashed {
                    seq,
                    at: &at,
                    actor: &actor,
                    op: &op,
                    target: &target,
                    before: before.as_deref(),
                    after: after.as_deref(),
                    reason: &reason,
                },
            );
            if recomputed != hash {
                return Ok(Err(AuditProblem {
                    seq,
                    problem: format!(
                        "entry {seq} was altered after it was written (its hash does not match its content)"
                    ),
                }));
            }
            prev = hash;
            expected_seq += 1;
            count += 1;
        }
        let head: Option<String> = self
            .conn
            .query_row("SELECT value FROM meta WHERE key = 'audit_head'", [], |r| {
                r.get(0)
            })
            .optional()?;
        if let Some(head) = head {
            let expected = format!("{count} {prev}");
            if head != expected {
                let head_seq = head
                    .split(' ')
                    .next()
                    .and_then(|s| s.parse::<i64>().ok())
                    .unwrap_or(0);
                return Ok(Err(AuditProblem {
                    seq: count + 1,
                    problem: format!(
                        "the log ends at entry {count} but the recorded head is entry {head_seq}: entries were removed from the end"
                    ),
                }));
            }
        } else if count > 0 {
            return Ok(Err(AuditProblem {
                seq: 1,
                problem: "the recorded head of the log is missing".into(),
            }));
        }
        Ok(Ok((count, prev)))
    }
}

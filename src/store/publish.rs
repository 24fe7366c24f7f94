//! The two curation writes exports and their tests depend on: setting the
//! workflow status and redacting a span. (The curation commands that
//! archivists use are their own module; these are the minimal store API.)

use rusqlite::{OptionalExtension, TransactionBehavior, params};
use serde_json::json;

use super::write::queue_index;
use super::{Result, Store, StoreError, audit};

impl Store {
    /// Sets the workflow status (`new`, `in_review`, `published`,
    /// `withdrawn`) of testimony `id`.
    pub fn set_status(&mut self, id: &str, status: &str, actor: &str, reason: &str) -> Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let old: Option<String> = tx
            .query_row("SELECT status FROM testimony WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?;
        let Some(old) = old else {
            return Err(StoreError::NotFound(id.to_string()));
        };
        if !matches!(status, "new" | "in_review" | "published" | "withdrawn") {
            return Err(StoreError::Conflict(format!(
                "unknown status {status:?} (use new, in_review, published or withdrawn)"
            )));
        }
        tx.execute(
            "UPDATE testimony SET status = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, status, crate::dates::now_rfc3339()],
        )?;
        audit::append(
            &tx,
            actor,
            "status",
            id,
            Some(&json!({ "status": old })),
            Some(&json!({ "status": status })),
            reason,
        )?;
        queue_index(&tx, id)?;
        tx.commit()?;
        Ok(())
    }

    /// Redacts bytes `span` of segment `ordinal` of testimony `id`; returns
    /// the redaction's number.
    pub fn add_redaction(
        &mut self,
        id: &str,
        ordinal: i64,
        span: (usize, usize),
        reason: &str,
        actor: &str,
    ) -> Result<i64> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let num: Option<i64> = tx
            .query_row("SELECT num FROM testimony WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?;
        let Some(num) = num else {
            return Err(StoreError::NotFound(id.to_string()));
        };
        let text: Option<String> = tx
            .query_row(
                "SELECT text FROM segment WHERE testimony = ?1 AND ordinal = ?2",
                params![num, ordinal],
                |r| r.get(0),
            )
            .optional()?;
        let Some(text) = text else {
            return Err(StoreError::Conflict(format!(
                "`{id}` has no segment {ordinal}"
            )));
        };
        if span.0 >= span.1
            || span.1 > text.len()
            || !text.is_char_boundary(span.0)
            || !text.is_char_boundary(span.1)
        {
            return Err(StoreError::Conflict(format!(
                "span {}..{} is not a passage of segment {ordinal} ({} bytes)",
                span.0,
                span.1,
                text.len()
            )));
        }
        let now = crate::dates::now_rfc3339();
        tx.execute(
            "INSERT INTO redaction (testimony, ordinal, span_start, span_end, reason, actor, at, active)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 1)",
            params![num, ordinal, span.0 as i64, span.1 as i64, reason, actor, now],
        )?;
        let rnum = tx.last_insert_rowid();
        audit::append(
            &tx,
            actor,
            "redact",
            id,
            None,
            Some(&json!({ "redaction": rnum, "ordinal": ordinal, "span": [span.0, span.1] })),
            reason,
        )?;
        queue_index(&tx, id)?;
        tx.commit()?;
        Ok(rnum)
    }
}

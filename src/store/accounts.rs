//! Accounts, sessions and API tokens (see [`crate::accounts`]). Tokens are
//! stored only as their SHA-256.

use rusqlite::{OptionalExtension, TransactionBehavior, params};
use serde_json::json;

use super::{Result, Store, StoreError, audit};

/// An account as stored (without its password hash).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct AccountRow {
    /// Sign-in name.
    pub name: String,
    /// `researcher` or `archivist`.
    pub role: String,
    /// Whether sign-in is refused.
    pub disabled: bool,
    /// When it was created.
    pub created_at: String,
}

fn account_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<AccountRow> {
    Ok(AccountRow {
        name: r.get(0)?,
        role: r.get(1)?,
        disabled: r.get::<_, i64>(2)? != 0,
        created_at: r.get(3)?,
    })
}

impl Store {
    /// Creates an account; audited as `user-add` by `actor`.
    pub fn add_account(&mut self, name: &str, role: &str, hash: &str, actor: &str) -> Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let exists: bool = tx
            .query_row("SELECT 1 FROM account WHERE name = ?1", [name], |_| Ok(()))
            .optional()?
            .is_some();
        if exists {
            return Err(StoreError::Conflict(format!(
                "an account named `{name}` exists already"
            )));
        }
        tx.execute(
            "INSERT INTO account (name, role, password_hash, created_at) VALUES (?1, ?2, ?3, ?4)",
            params![name, role, hash, crate::dates::now_rfc3339()],
        )?;
        let after = json!({ "role": role });
        audit::append(
            &tx,
            actor,
            "user-add",
            &format!("user:{name}"),
            None,
            Some(&after),
            "",
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Every account, by name.
    pub fn accounts(&self) -> Result<Vec<AccountRow>> {
        let mut stmt = self
            .conn
            .prepare("SELECT name, role, disabled, created_at FROM account ORDER BY name")?;
        let rows = stmt.query_map([], account_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// An account and its password hash.
    pub fn account_with_hash(&self, name: &str) -> Result<Option<(AccountRow, String)>> {
        Ok(self
            .conn
            .query_row(
                "SELECT name, role, disabled, created_at, password_hash FROM account WHERE name = ?1",
                [name],
                |r| Ok((account_row(r)?, r.get(4)?)),
            )
            .optional()?)
    }

    /// Changes an account: a new password hash and/or disabled flag.
    /// Disabling or a new password also ends the account's sessions.
    pub fn update_account(
        &mut self,
        name: &str,
        hash: Option<&str>,
        disabled: Option<bool>,
        actor: &str,
    ) -> Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let n = tx.execute(
            "UPDATE account SET password_hash = coalesce(?2, password_hash),
                                disabled = coalesce(?3, disabled)
             WHERE name = ?1",
            params![name, hash, disabled.map(i64::from)],
        )?;
        if n == 0 {
            return Err(StoreError::Conflict(format!("no account named `{name}`")));
        }
        if hash.is_some() || disabled == Some(true) {
            tx.execute("DELETE FROM session WHERE account = ?1", [name])?;
        }
        let (op, after) = match (hash, disabled) {
            (Some(_), _) => ("user-password", json!({})),
            (None, Some(d)) => ("user-disable", json!({ "disabled": d })),
            (None, None) => ("user-update", json!({})),
        };
        audit::append(
            &tx,
            actor,
            op,
            &format!("user:{name}"),
            None,
            Some(&after),
            "",
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Records a session token (its SHA-256) for `name` until `expires_at`.
    pub fn add_session(&mut self, token_sha256: &str, name: &str, expires_at: &str) -> Result<()> {
        let now = crate::dates::now_rfc3339();
        self.conn
            .execute("DELETE FROM session WHERE expires_at <= ?1", [&now])?;
        self.conn.execute(
            "INSERT INTO session (token_sha256, account, created_at, expires_at) VALUES (?1, ?2, ?3, ?4)",
            params![token_sha256, name, now, expires_at],
        )?;
        Ok(())
    }

    /// The enabled account of an unexpired session.
    pub fn session_account(&self, token_sha256: &str) -> Result<Option<AccountRow>> {
        Ok(self
            .conn
            .query_row(
                "SELECT a.name, a.role, a.disabled, a.created_at
                 FROM session s JOIN account a ON a.name = s.account
                 WHERE s.token_sha256 = ?1 AND s.expires_at > ?2 AND a.disabled = 0",
                params![token_sha256, crate::dates::now_rfc3339()],
                account_row,
            )
            .optional()?)
    }

    /// Ends a session (signing out).
    pub fn end_session(&mut self, token_sha256: &str) -> Result<()> {
        self.conn.execute(
            "DELETE FROM session WHERE token_sha256 = ?1",
            [token_sha256],
        )?;
        Ok(())
    }

    /// Records an API token (its SHA-256) for `name`; audited.
    pub fn add_api_token(
        &mut self,
        token_sha256: &str,
        name: &str,
        label: &str,
        actor: &str,
    ) -> Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute(
            "INSERT INTO api_token (token_sha256, account, label, created_at) VALUES (?1, ?2, ?3, ?4)",
            params![token_sha256, name, label, crate::dates::now_rfc3339()],
        )?;
        let after = json!({ "label": label });
        audit::append(
            &tx,
            actor,
            "token-add",
            &format!("user:{name}"),
            None,
            Some(&after),
            "",
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The enabled account an API token belongs to.
    pub fn api_token_account(&self, token_sha256: &str) -> Result<Option<AccountRow>> {
        Ok(self
            .conn
            .query_row(
                "SELECT a.name, a.role, a.disabled, a.created_at
                 FROM api_token t JOIN account a ON a.name = t.account
                 WHERE t.token_sha256 = ?1 AND a.disabled = 0",
                [token_sha256],
                account_row,
            )
            .optional()?)
    }
}

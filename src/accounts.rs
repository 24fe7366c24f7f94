//! Who may sign in to the web archive, and as what.
//!
//! An account has a name, a role (`researcher` or `archivist`; the public
//! needs no account) and an Argon2id password hash. Signing in creates a
//! session: a random 256-bit token handed to the browser, of which the
//! archive keeps only the SHA-256, valid for [`SESSION_SECONDS`]. API
//! tokens are the same kind of secret without an expiry, for scripts.
//! Disabling an account or changing its password ends its sessions. Every
//! change to an account is in the audit log (`user:NAME`).
//!
//! A failed sign-in says the same for an unknown name, a wrong password and
//! a disabled account, and costs the same (a hash is verified either way),
//! so that it tells nothing about which names exist.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};

use crate::access::Role;
use crate::archive::Archive;
use crate::store::{AccountRow, StoreError};

/// How long a session lasts: 12 hours.
pub const SESSION_SECONDS: i64 = 12 * 3600;

/// The shortest password accepted.
pub const MIN_PASSWORD_CHARS: usize = 10;

/// A signed-in account.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Account {
    /// Sign-in name.
    pub name: String,
    /// What it may see and do.
    #[serde(serialize_with = "role_name")]
    pub role: Role,
}

fn role_name<S: serde::Serializer>(role: &Role, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(role.name())
}

/// An account failure.
#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    /// A name that cannot be an account name.
    #[error("an account name is 1 to 64 letters, digits, `.`, `_`, `-` or `@` (got `{0}`)")]
    BadName(String),
    /// Only researchers and archivists have accounts.
    #[error("an account's role is `researcher` or `archivist` (got `{0}`)")]
    BadRole(String),
    /// Too short a password.
    #[error("a password needs at least {MIN_PASSWORD_CHARS} characters")]
    WeakPassword,
    /// The operating system gave no randomness.
    #[error("no random bytes from the operating system: {0}")]
    Random(String),
    /// Hashing failed.
    #[error("password hashing failed: {0}")]
    Hash(String),
    /// The store refused or failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

type Result<T, E = AccountError> = std::result::Result<T, E>;

fn check_name(name: &str) -> Result<()> {
    let ok = !name.is_empty()
        && name.chars().count() <= 64
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | '@'));
    if ok {
        Ok(())
    } else {
        Err(AccountError::BadName(name.chars().take(80).collect()))
    }
}

fn random_bytes<const N: usize>() -> Result<[u8; N]> {
    let mut buf = [0u8; N];
    getrandom::fill(&mut buf).map_err(|e| AccountError::Random(e.to_string()))?;
    Ok(buf)
}

fn hash_password(password: &str) -> Result<String> {
    if password.chars().count() < MIN_PASSWORD_CHARS {
        return Err(AccountError::WeakPassword);
    }
    let salt = SaltString::encode_b64(&random_bytes::<16>()?)
        .map_err(|e| AccountError::Hash(e.to_string()))?;
    argon2::Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| AccountError::Hash(e.to_string()))
}

fn verify(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|h| {
        argon2::Argon2::default()
            .verify_password(password.as_bytes(), &h)
            .is_ok()
    })
}

/// A hash verified when the name is unknown, so that a failed sign-in
/// costs the same whatever failed.
fn decoy_hash() -> &'static str {
    static DECOY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DECOY.get_or_init(|| {
        SaltString::encode_b64(b"tanu-decoy-salt!")
            .ok()
            .and_then(|salt| {
                argon2::Argon2::default()
                    .hash_password(b"not a password of anyone", &salt)
                    .ok()
                    .map(|h| h.to_string())
            })
            .unwrap_or_default()
    })
}

/// A new secret token (43 characters, URL-safe) and its SHA-256.
fn new_token() -> Result<(String, String)> {
    use base64::Engine as _;
    let token = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(random_bytes::<32>()?);
    let sha = crate::hash::sha256_hex(&[token.as_bytes()]);
    Ok((token, sha))
}

fn account(row: AccountRow) -> Option<Account> {
    Role::parse(&row.role).map(|role| Account {
        name: row.name,
        role,
    })
}

impl Archive {
    /// Creates an account (`actor` is recorded in the audit log).
    pub fn add_user(&mut self, name: &str, role: &str, password: &str, actor: &str) -> Result<()> {
        check_name(name)?;
        let role = match Role::parse(role) {
            Some(r @ (Role::Researcher | Role::Archivist)) => r,
            _ => return Err(AccountError::BadRole(role.chars().take(40).collect())),
        };
        let hash = hash_password(password)?;
        self.store_mut()
            .add_account(name, role.name(), &hash, actor)?;
        Ok(())
    }

    /// Every account.
    pub fn users(&self) -> Result<Vec<AccountRow>> {
        Ok(self.store().accounts()?)
    }

    /// Sets a new password (ends the account's sessions).
    pub fn set_password(&mut self, name: &str, password: &str, actor: &str) -> Result<()> {
        let hash = hash_password(password)?;
        self.store_mut()
            .update_account(name, Some(&hash), None, actor)?;
        Ok(())
    }

    /// Disables (ends its sessions) or enables an account.
    pub fn set_user_disabled(&mut self, name: &str, disabled: bool, actor: &str) -> Result<()> {
        self.store_mut()
            .update_account(name, None, Some(disabled), actor)?;
        Ok(())
    }

    /// The account for a name and password, if they match an enabled one.
    pub fn authenticate(&self, name: &str, password: &str) -> Result<Option<Account>> {
        match self.store().account_with_hash(name)? {
            Some((row, hash)) => {
                let ok = verify(password, &hash);
                Ok(if ok && !row.disabled {
                    account(row)
                } else {
                    None
                })
            }
            None => {
                verify(password, decoy_hash());
                Ok(None)
            }
        }
    }

    /// Signs `account` in: a new session token for the browser's cookie.
    pub fn create_session(&mut self, account: &Account) -> Result<String> {
        let (token, sha) = new_token()?;
        let expires = crate::dates::rfc3339_in(SESSION_SECONDS);
        self.store_mut()
            .add_session(&sha, &account.name, &expires)?;
        Ok(token)
    }

    /// The account a session token belongs to, while it is valid.
    pub fn session_account(&self, token: &str) -> Result<Option<Account>> {
        let sha = crate::hash::sha256_hex(&[token.as_bytes()]);
        Ok(self.store().session_account(&sha)?.and_then(account))
    }

    /// Ends a session.
    pub fn end_session(&mut self, token: &str) -> Result<()> {
        let sha = crate::hash::sha256_hex(&[token.as_bytes()]);
        self.store_mut().end_session(&sha)?;
        Ok(())
    }

    /// A new API token for `name` (shown once; only its SHA-256 is kept).
    pub fn add_token(&mut self, name: &str, label: &str, actor: &str) -> Result<String> {
        if self.store().account_with_hash(name)?.is_none() {
            return Err(StoreError::Conflict(format!("no account named `{name}`")).into());
        }
        let (token, sha) = new_token()?;
        self.store_mut().add_api_token(&sha, name, label, actor)?;
        Ok(token)
    }

    /// The account an API token belongs to.
    pub fn token_account(&self, token: &str) -> Result<Option<Account>> {
        let sha = crate::hash::sha256_hex(&[token.as_bytes()]);
        Ok(self.store().api_token_account(&sha)?.and_then(account))
    }
}

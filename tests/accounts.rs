//! Accounts for the web archive: creation from the CLI, sign-in, sessions,
//! API tokens, and that no secret is stored in the clear.

mod common;

use common::TestArchive;
use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;
use tanu::Archive;
use tanu::access::Role;

const PASSWORD: &str = "Szolyva-1944-november";

fn add(t: &TestArchive, name: &str, role: &str, password: &str) -> assert_cmd::assert::Assert {
    t.tanu()
        .args([
            "--curator",
            "Tóth Ilona",
            "user",
            "add",
            name,
            role,
            "--password-stdin",
        ])
        .write_stdin(format!("{password}\n"))
        .assert()
}

#[test]
fn accounts_are_made_from_the_cli_and_refuse_what_is_wrong() {
    let t = TestArchive::new();
    add(&t, "kovacs.anna", "archivist", PASSWORD)
        .success()
        .stdout(contains("account kovacs.anna created (archivist)"));
    add(&t, "nagy", "researcher", "rövid")
        .failure()
        .stderr(contains("at least 10 characters"));
    add(&t, "nagy", "public", PASSWORD)
        .failure()
        .stderr(contains("`researcher` or `archivist`"));
    add(&t, "<script>", "researcher", PASSWORD)
        .failure()
        .stderr(contains("an account name is"));
    let err = add(&t, "kovacs.anna", "researcher", PASSWORD)
        .failure()
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8(err).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("exists already"), "{err}");
    // Only an archivist manages accounts.
    t.tanu()
        .args(["--role", "researcher", "user", "list"])
        .assert()
        .failure()
        .stderr(contains("only archivists manage accounts"));
    t.tanu()
        .args(["user", "list"])
        .assert()
        .success()
        .stdout(contains("kovacs.anna").and(contains("archivist")));
    // Every change is audited and the chain still verifies.
    t.tanu()
        .args(["user", "disable", "kovacs.anna"])
        .assert()
        .success();
    t.tanu()
        .args(["user", "list"])
        .assert()
        .success()
        .stdout(contains("disabled"));
    t.tanu().arg("check").assert().success();
    t.tanu()
        .args(["audit", "log"])
        .assert()
        .success()
        .stdout(contains("user-add").and(contains("user-disable")));
}

#[test]
fn sign_in_sessions_and_tokens() {
    let t = TestArchive::new();
    add(&t, "kovacs.anna", "archivist", PASSWORD).success();
    add(&t, "szabo", "researcher", "Makejevka-1946-tavasz").success();
    let mut a = Archive::open(&t.dir()).unwrap();

    // Wrong password, unknown name: the same answer.
    assert_eq!(
        a.authenticate("kovacs.anna", "Szolyva-1944-december")
            .unwrap(),
        None
    );
    assert_eq!(a.authenticate("senki", PASSWORD).unwrap(), None);
    let anna = a.authenticate("kovacs.anna", PASSWORD).unwrap().unwrap();
    assert_eq!(anna.role, Role::Archivist);
    let szabo = a
        .authenticate("szabo", "Makejevka-1946-tavasz")
        .unwrap()
        .unwrap();
    assert_eq!(szabo.role, Role::Researcher);

    let token = a.create_session(&anna).unwrap();
    assert!(token.len() >= 40);
    assert_eq!(a.session_account(&token).unwrap(), Some(anna.clone()));
    assert_eq!(a.session_account("nem-egy-token").unwrap(), None);
    a.end_session(&token).unwrap();
    assert_eq!(a.session_account(&token).unwrap(), None);

    // A new password ends the sessions; so does disabling.
    let s1 = a.create_session(&szabo).unwrap();
    a.set_password("szabo", "Gorlovka-1947-osz-x", "teszt")
        .unwrap();
    assert_eq!(a.session_account(&s1).unwrap(), None);
    assert!(
        a.authenticate("szabo", "Makejevka-1946-tavasz")
            .unwrap()
            .is_none()
    );
    let szabo = a
        .authenticate("szabo", "Gorlovka-1947-osz-x")
        .unwrap()
        .unwrap();
    let s2 = a.create_session(&szabo).unwrap();
    let api = a.add_token("szabo", "letöltő szkript", "teszt").unwrap();
    assert_eq!(a.token_account(&api).unwrap(), Some(szabo.clone()));
    a.set_user_disabled("szabo", true, "teszt").unwrap();
    assert_eq!(a.session_account(&s2).unwrap(), None);
    assert_eq!(a.token_account(&api).unwrap(), None);
    assert!(
        a.authenticate("szabo", "Gorlovka-1947-osz-x")
            .unwrap()
            .is_none()
    );
    a.set_user_disabled("szabo", false, "teszt").unwrap();
    assert_eq!(a.token_account(&api).unwrap(), Some(szabo));
    assert!(a.add_token("senki", "", "teszt").is_err());
    let live = a.create_session(&anna).unwrap();
    drop(a);

    // Nothing secret is in the database file in the clear.
    let db = std::fs::read(t.dir().join("tanu.sqlite")).unwrap();
    let wal = std::fs::read(t.dir().join("tanu.sqlite-wal")).unwrap_or_default();
    for secret in [PASSWORD, "Gorlovka-1947-osz-x", api.as_str(), live.as_str()] {
        for bytes in [&db, &wal] {
            assert!(
                !bytes.windows(secret.len()).any(|w| w == secret.as_bytes()),
                "{secret} stored in the clear"
            );
        }
    }
}

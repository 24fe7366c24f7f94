//! Small, realistic transcripts (Hungarian and Russian) for the crash,
//! concurrency and fault tests, and a deterministic random generator.

#![allow(dead_code)]

/// A small deterministic generator (xorshift), so a failing run can be
/// repeated from its seed.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

const HU: &[&str] = &[
    "Negyvennégy novemberében kidobolták, hogy minden férfinak jelentkeznie kell háromnapi munkára.",
    "Szolyván a gyűjtőtáborban hetekig vártunk, sokan ott haltak meg tífuszban.",
    "Marhavagonban vittek minket keletre, Sztrij után már nem tudtuk, hol vagyunk.",
    "A Donyec-medencében a bányában dolgoztunk, napi normát kellett teljesíteni.",
    "Télen a barakkban megfagyott a víz a vödörben, a szalmazsák is átnedvesedett.",
    "Anyám minden vasárnap kiment az állomásra, hátha hazajövök.",
    "Negyvenhét nyarán engedtek haza, Máramarosszigeten át érkeztünk.",
    "A lágerben a kenyér volt minden, azért a fél kilóért dolgoztunk.",
];

const RU: &[&str] = &[
    "Нас привезли в лагерь под Сталино, работали в шахте по двенадцать часов.",
    "Зимой в бараке было так холодно, что вода в ведре замерзала.",
    "Кормили баландой и хлебом, норму надо было выполнить.",
    "Домой отпустили только в сорок седьмом году, через Сигет.",
];

/// A short, realistic tanu transcript; `n` varies the text.
pub fn transcript(id: &str, n: usize) -> (String, usize) {
    let mut body = String::new();
    let segments = 3 + n % 4;
    for s in 0..segments {
        let (speaker, text) = if s % 2 == 0 {
            ("K", "Mi történt azután?")
        } else if (n + s).is_multiple_of(5) {
            ("N", RU[(n + s) % RU.len()])
        } else {
            ("N", HU[(n * 3 + s) % HU.len()])
        };
        body.push_str(&format!(
            "[00:{:02}:{:02}] {speaker}: {text}\n",
            s,
            (n + s) % 60
        ));
    }
    let text = format!(
        "id: {id}\ntitle: Visszaemlékezés {n}\nnarrator: Tanú {n}\nlanguage: hu\nlanguage: ru\n---\n{body}"
    );
    (text, segments)
}

/// Writes `count` transcripts with ids `{prefix}-0000`… into `dir`;
/// returns each id with its number of segments.
pub fn write_corpus(
    dir: &std::path::Path,
    prefix: &str,
    count: usize,
) -> std::collections::BTreeMap<String, i64> {
    std::fs::create_dir_all(dir).expect("mkdir");
    let mut out = std::collections::BTreeMap::new();
    for n in 0..count {
        let id = format!("{prefix}-{n:04}");
        let (text, segs) = transcript(&id, n);
        std::fs::write(dir.join(format!("{id}.txt")), text).expect("write");
        out.insert(id, segs as i64);
    }
    out
}

/// `tanu --archive DIR` with a clean environment and a curator.
pub fn tanu(archive: &std::path::Path) -> std::process::Command {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_tanu"));
    cmd.env_remove("TANU_ARCHIVE")
        .env_remove("TANU_TEST_KILL_AT_INDEX_WRITE")
        .env_remove("TANU_BUSY_TIMEOUT")
        .env("TANU_CURATOR", "test")
        .env("NO_COLOR", "1")
        .arg("--archive")
        .arg(archive);
    cmd
}

//! Russian for the synthetic corpus: a lexicon, noun declension by class
//! (with the spelling rules after velars and sibilants), adjective
//! agreement, past-tense verbs by gender, ordinal years, and the sentence
//! templates of a narrator and an interviewer.

use std::sync::OnceLock;

use super::hu::Ranked;
use super::rng::Rng;

/// Grammatical gender (for agreement).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gender {
    M,
    F,
    N,
}

/// Case and number of a form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Form {
    /// 0 nom, 1 gen, 2 dat, 3 acc, 4 ins, 5 prep.
    pub(crate) case: usize,
    pub(crate) plural: bool,
}

impl Form {
    pub(crate) fn from_code(code: &str) -> Option<Form> {
        let (plural, c) = match code.strip_prefix('p') {
            Some(rest) if rest != "rep" => (true, rest),
            _ => (false, code),
        };
        let case = match c {
            "nom" => 0,
            "gen" => 1,
            "dat" => 2,
            "acc" => 3,
            "ins" => 4,
            "prep" => 5,
            _ => return None,
        };
        Some(Form { case, plural })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    MHard,
    MSoft,
    MJ,
    FA,
    FYa,
    FIya,
    FSoft,
    NO,
    NE,
    NIe,
    Indecl,
}

const VELAR: &str = "гкх";
const SIBILANT: &str = "жшщч";

fn last_char(s: &str) -> Option<char> {
    s.chars().last()
}

fn drop_last(s: &str, n: usize) -> String {
    let count = s.chars().count();
    s.chars().take(count.saturating_sub(n)).collect()
}

/// `ы` after a velar or sibilant is written `и`.
fn y_or_i(stem: &str) -> &'static str {
    match last_char(stem) {
        Some(c) if VELAR.contains(c) || SIBILANT.contains(c) => "и",
        _ => "ы",
    }
}

/// Unstressed `о` after a sibilant or `ц` is written `е` (approximated:
/// always).
fn o_or_e(stem: &str) -> &'static str {
    match last_char(stem) {
        Some(c) if SIBILANT.contains(c) || c == 'ц' => "е",
        _ => "о",
    }
}

/// A Russian noun.
#[derive(Debug, Clone)]
pub(crate) struct Noun {
    pub(crate) lemma: String,
    pub(crate) gender: Gender,
    pub(crate) animate: bool,
    class: Class,
    stem: String,
    pl: Option<String>,
    gpl: Option<String>,
    prep: Option<String>,
    plural_only: bool,
}

impl Noun {
    /// Parses `lemma[:m|:f][*][|stem=…][|pl=…][|gpl=…][|prep=…]`.
    fn parse(spec: &str) -> Noun {
        let mut parts = spec.split('|');
        let head = parts.next().unwrap_or_default();
        let animate = head.contains('*');
        let head = head.replace('*', "");
        let (lemma, forced) = match head.split_once(':') {
            Some((l, "m")) => (l.to_string(), Some(Gender::M)),
            Some((l, "f")) => (l.to_string(), Some(Gender::F)),
            _ => (head.clone(), None),
        };
        let mut n = Noun::declined(&lemma, forced);
        n.animate = animate;
        for p in parts {
            match p.split_once('=') {
                Some(("stem", v)) => n.stem = v.to_string(),
                Some(("pl", v)) => n.pl = Some(v.to_string()),
                Some(("gpl", v)) => n.gpl = Some(v.to_string()),
                Some(("prep", v)) => n.prep = Some(v.to_string()),
                _ => {}
            }
        }
        n
    }

    /// A noun (or place name) declined by its ending; `forced` decides the
    /// gender of `-ь` and `-а` words.
    pub(crate) fn declined(lemma: &str, forced: Option<Gender>) -> Noun {
        let lower = lemma.to_lowercase();
        let (class, gender, stem) = if lower.ends_with("ия") {
            (Class::FIya, Gender::F, drop_last(lemma, 1))
        } else if lower.ends_with("ие") {
            (Class::NIe, Gender::N, drop_last(lemma, 1))
        } else {
            match last_char(&lower) {
                Some('а') => (Class::FA, forced.unwrap_or(Gender::F), drop_last(lemma, 1)),
                Some('я') => (Class::FYa, forced.unwrap_or(Gender::F), drop_last(lemma, 1)),
                Some('ь') if forced == Some(Gender::F) => {
                    (Class::FSoft, Gender::F, drop_last(lemma, 1))
                }
                Some('ь') => (Class::MSoft, Gender::M, drop_last(lemma, 1)),
                Some('й') => (Class::MJ, Gender::M, drop_last(lemma, 1)),
                Some('о') => (Class::NO, Gender::N, drop_last(lemma, 1)),
                Some('е') => (Class::NE, Gender::N, drop_last(lemma, 1)),
                Some(c) if c.is_alphabetic() && !"иуюыэё".contains(c) => {
                    (Class::MHard, Gender::M, lemma.to_string())
                }
                _ => (
                    Class::Indecl,
                    forced.unwrap_or(Gender::N),
                    lemma.to_string(),
                ),
            }
        };
        Noun {
            lemma: lemma.to_string(),
            gender,
            animate: false,
            class,
            stem,
            pl: None,
            gpl: None,
            prep: None,
            plural_only: false,
        }
    }

    /// A place name: foreign names in `-о`, `-е`, `-и`, `-у` do not
    /// decline (`в Сталино`), names in `-ы` are plural (`в Фокшанах`), `-ь`
    /// names are feminine (`в Перми`).
    pub(crate) fn place(name: &str) -> Noun {
        let lower = name.to_lowercase();
        match last_char(&lower) {
            Some('о' | 'е' | 'и' | 'у' | 'ю' | 'э') => Noun {
                class: Class::Indecl,
                ..Noun::declined(name, None)
            },
            Some('ы') => {
                let stem = drop_last(name, 1);
                Noun {
                    lemma: name.to_string(),
                    gender: Gender::M,
                    animate: false,
                    class: Class::MHard,
                    stem: stem.clone(),
                    pl: Some(name.to_string()),
                    gpl: Some(stem),
                    prep: None,
                    plural_only: true,
                }
            }
            Some('ь') => Noun::declined(name, Some(Gender::F)),
            _ if lower.ends_with("ец") && lower.chars().count() > 4 => Noun {
                // The fleeting vowel: Череповец → в Череповце.
                stem: format!("{}ц", drop_last(name, 2)),
                ..Noun::declined(name, None)
            },
            _ => Noun::declined(name, None),
        }
    }

    /// Whether the noun changes at all.
    #[cfg(test)]
    pub(crate) fn declines(&self) -> bool {
        self.class != Class::Indecl
    }

    /// The form in `f`.
    pub(crate) fn form(&self, f: Form) -> String {
        let s = &self.stem;
        let l = &self.lemma;
        if self.class == Class::Indecl {
            return l.clone();
        }
        if f.plural || self.plural_only {
            return self.plural_form(f.case);
        }
        let cat = |e: &str| format!("{s}{e}");
        match (self.class, f.case) {
            (_, 0) => l.clone(),
            (Class::MHard, 1) => cat("а"),
            (Class::MHard, 2) => cat("у"),
            (Class::MHard, 3) => {
                if self.animate {
                    cat("а")
                } else {
                    l.clone()
                }
            }
            (Class::MHard, 4) => format!("{s}{}м", o_or_e(s)),
            (Class::MHard, _) => self.prep.clone().unwrap_or_else(|| cat("е")),
            (Class::MSoft | Class::MJ, 1) => cat("я"),
            (Class::MSoft | Class::MJ, 2) => cat("ю"),
            (Class::MSoft | Class::MJ, 3) => {
                if self.animate {
                    cat("я")
                } else {
                    l.clone()
                }
            }
            (Class::MSoft | Class::MJ, 4) => cat("ем"),
            (Class::MSoft | Class::MJ, _) => cat("е"),
            (Class::FA, 1) => cat(y_or_i(s)),
            (Class::FA, 2) => cat("е"),
            (Class::FA, 3) => cat("у"),
            (Class::FA, 4) => format!("{s}{}й", o_or_e(s)),
            (Class::FA, _) => cat("е"),
            (Class::FYa, 1) => cat("и"),
            (Class::FYa, 3) => cat("ю"),
            (Class::FYa, 4) => cat("ей"),
            (Class::FYa, _) => cat("е"),
            (Class::FIya, 3) => cat("ю"),
            (Class::FIya, 4) => cat("ей"),
            (Class::FIya, _) => cat("и"),
            (Class::FSoft, 3) => l.clone(),
            (Class::FSoft, 4) => format!("{l}ю"),
            (Class::FSoft, _) => cat("и"),
            (Class::NO, 1) => cat("а"),
            (Class::NO, 2) => cat("у"),
            (Class::NO, 3) => l.clone(),
            (Class::NO, 4) => cat("ом"),
            (Class::NO, _) => cat("е"),
            (Class::NE | Class::NIe, 1) => cat("я"),
            (Class::NE | Class::NIe, 2) => cat("ю"),
            (Class::NE | Class::NIe, 3) => l.clone(),
            (Class::NE | Class::NIe, 4) => cat("ем"),
            (Class::NIe, _) => cat("и"),
            (Class::NE, _) => cat("е"),
            (Class::Indecl, _) => l.clone(),
        }
    }

    fn plural_form(&self, case: usize) -> String {
        let s = &self.stem;
        let soft = matches!(
            self.class,
            Class::MSoft | Class::MJ | Class::FYa | Class::FIya | Class::NE | Class::NIe
        ) || (self.class == Class::FSoft
            && !s.chars().last().is_some_and(|c| SIBILANT.contains(c)));
        let nom = self.pl.clone().unwrap_or_else(|| match self.class {
            Class::MHard | Class::FA => format!("{s}{}", y_or_i(s)),
            Class::NO => format!("{s}а"),
            Class::NE | Class::NIe => format!("{s}я"),
            _ => format!("{s}и"),
        });
        let genitive = self.gpl.clone().unwrap_or_else(|| match self.class {
            Class::MHard => match last_char(s) {
                Some(c) if SIBILANT.contains(c) => format!("{s}ей"),
                Some('ц') => format!("{s}ев"),
                _ => format!("{s}ов"),
            },
            Class::MSoft | Class::FSoft | Class::NE => format!("{s}ей"),
            Class::MJ => format!("{s}ев"),
            Class::FYa => format!("{s}ь"),
            Class::FIya | Class::NIe => format!("{s}й"),
            _ => s.clone(),
        });
        let a = if soft { "я" } else { "а" };
        match case {
            0 => nom,
            1 => genitive,
            2 => format!("{s}{a}м"),
            3 => {
                if self.animate {
                    genitive
                } else {
                    nom
                }
            }
            4 => format!("{s}{a}ми"),
            _ => format!("{s}{a}х"),
        }
    }
}

/// An adjective that agrees with `noun` in `f`.
pub(crate) fn adjective(lemma: &str, noun: &Noun, f: Form) -> String {
    let stem = drop_last(lemma, 2);
    let ending2: String = lemma
        .chars()
        .skip(lemma.chars().count().saturating_sub(2))
        .collect();
    let before = last_char(&stem);
    let velar_or_sib = before.is_some_and(|c| VELAR.contains(c) || SIBILANT.contains(c));
    let sib = before.is_some_and(|c| SIBILANT.contains(c));
    // m, f, n, pl × nom gen dat acc ins prep; "*" = nom or gen by animacy.
    let table: [[&str; 6]; 4] = match ending2.as_str() {
        "ий" if sib => [
            ["ий", "его", "ему", "*", "им", "ем"],
            ["ая", "ей", "ей", "ую", "ей", "ей"],
            ["ее", "его", "ему", "ее", "им", "ем"],
            ["ие", "их", "им", "*", "ими", "их"],
        ],
        "ий" if !velar_or_sib => [
            ["ий", "его", "ему", "*", "им", "ем"],
            ["яя", "ей", "ей", "юю", "ей", "ей"],
            ["ее", "его", "ему", "ее", "им", "ем"],
            ["ие", "их", "им", "*", "ими", "их"],
        ],
        "ий" | "ой" if velar_or_sib => [
            [
                if ending2 == "ой" { "ой" } else { "ий" },
                "ого",
                "ому",
                "*",
                "им",
                "ом",
            ],
            ["ая", "ой", "ой", "ую", "ой", "ой"],
            ["ое", "ого", "ому", "ое", "им", "ом"],
            ["ие", "их", "им", "*", "ими", "их"],
        ],
        _ => [
            [
                if ending2 == "ой" { "ой" } else { "ый" },
                "ого",
                "ому",
                "*",
                "ым",
                "ом",
            ],
            ["ая", "ой", "ой", "ую", "ой", "ой"],
            ["ое", "ого", "ому", "ое", "ым", "ом"],
            ["ые", "ых", "ым", "*", "ыми", "ых"],
        ],
    };
    let row = if f.plural {
        3
    } else {
        match noun.gender {
            Gender::M => 0,
            Gender::F => 1,
            Gender::N => 2,
        }
    };
    let mut e = table[row][f.case];
    if e == "*" {
        e = if noun.animate {
            table[row][1]
        } else {
            table[row][0]
        };
    }
    format!("{stem}{e}")
}

/// A verb: infinitive and past forms (m, f, pl).
#[derive(Debug, Clone)]
pub(crate) struct Verb {
    inf: String,
    m: String,
    f: String,
    pl: String,
}

impl Verb {
    fn parse(line: &str) -> Verb {
        let w: Vec<&str> = line.split_whitespace().collect();
        let inf = w.first().copied().unwrap_or_default().to_string();
        if w.len() >= 4 {
            return Verb {
                inf,
                m: w[1].into(),
                f: w[2].into(),
                pl: w[3].into(),
            };
        }
        if let Some(base) = inf.strip_suffix("ться") {
            return Verb {
                m: format!("{base}лся"),
                f: format!("{base}лась"),
                pl: format!("{base}лись"),
                inf,
            };
        }
        let base = inf.strip_suffix("ть").unwrap_or(&inf).to_string();
        Verb {
            m: format!("{base}л"),
            f: format!("{base}ла"),
            pl: format!("{base}ли"),
            inf,
        }
    }

    /// `pst` (the narrator's gender), `m`, `f`, `pl` or `inf`.
    pub(crate) fn form(&self, code: &str, female: bool) -> &str {
        match code {
            "pst" if female => &self.f,
            "pst" | "m" => &self.m,
            "f" => &self.f,
            "pl" => &self.pl,
            _ => &self.inf,
        }
    }
}

/// The Russian lexicon.
#[derive(Debug)]
pub(crate) struct Lexicon {
    pub(crate) nouns: Vec<(&'static str, Ranked<Noun>)>,
    pub(crate) verbs: Vec<(&'static str, Ranked<Verb>)>,
    pub(crate) adjectives: Ranked<&'static str>,
    pub(crate) words: Vec<(&'static str, Ranked<&'static str>)>,
}

impl Lexicon {
    pub(crate) fn get() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(|| Lexicon {
            nouns: NOUNS
                .iter()
                .map(|(c, l)| {
                    (
                        *c,
                        Ranked::new(l.split_whitespace().map(Noun::parse).collect()),
                    )
                })
                .collect(),
            verbs: VERBS
                .iter()
                .map(|(c, l)| {
                    (
                        *c,
                        Ranked::new(
                            l.lines()
                                .map(str::trim)
                                .filter(|x| !x.is_empty())
                                .map(Verb::parse)
                                .collect(),
                        ),
                    )
                })
                .collect(),
            adjectives: Ranked::new(ADJECTIVES.split_whitespace().collect()),
            words: WORDS
                .iter()
                .map(|(c, l)| (*c, Ranked::new(l.split(',').map(str::trim).collect())))
                .collect(),
        })
    }

    pub(crate) fn nouns(&self, cat: &str) -> Option<&Ranked<Noun>> {
        self.nouns.iter().find(|(c, _)| *c == cat).map(|(_, n)| n)
    }

    pub(crate) fn verbs(&self, cat: &str) -> Option<&Ranked<Verb>> {
        self.verbs.iter().find(|(c, _)| *c == cat).map(|(_, v)| v)
    }

    pub(crate) fn words(&self, cat: &str) -> Option<&Ranked<&'static str>> {
        self.words.iter().find(|(c, _)| *c == cat).map(|(_, w)| w)
    }
}

const UNITS: [&str; 10] = [
    "",
    "один",
    "два",
    "три",
    "четыре",
    "пять",
    "шесть",
    "семь",
    "восемь",
    "девять",
];
const TEENS: [&str; 10] = [
    "десять",
    "одиннадцать",
    "двенадцать",
    "тринадцать",
    "четырнадцать",
    "пятнадцать",
    "шестнадцать",
    "семнадцать",
    "восемнадцать",
    "девятнадцать",
];
const TENS: [&str; 10] = [
    "",
    "десять",
    "двадцать",
    "тридцать",
    "сорок",
    "пятьдесят",
    "шестьдесят",
    "семьдесят",
    "восемьдесят",
    "девяносто",
];
/// Ordinal stems (without the case ending) for 1–9, teens, and tens.
const ORD_UNITS: [&str; 10] = [
    "",
    "перв",
    "втор",
    "треть",
    "четвёрт",
    "пят",
    "шест",
    "седьм",
    "восьм",
    "девят",
];
const ORD_TEENS: [&str; 10] = [
    "десят",
    "одиннадцат",
    "двенадцат",
    "тринадцат",
    "четырнадцат",
    "пятнадцат",
    "шестнадцат",
    "семнадцат",
    "восемнадцат",
    "девятнадцат",
];
const ORD_TENS: [&str; 10] = [
    "",
    "десят",
    "двадцат",
    "тридцат",
    "сороков",
    "пятидесят",
    "шестидесят",
    "семидесят",
    "восьмидесят",
    "девяност",
];

/// A cardinal 1–99 in words.
pub(crate) fn cardinal(n: usize) -> String {
    let (t, u) = (n / 10 % 10, n % 10);
    match (t, u) {
        (1, _) => TEENS[u].to_string(),
        (_, 0) => TENS[t].to_string(),
        (0, _) => UNITS[u].to_string(),
        _ => format!("{} {}", TENS[t], UNITS[u]),
    }
}

/// The ordinal of 1–99 with a case ending: `prep` → `сорок пятом`,
/// `gen` → `сорок пятого`.
pub(crate) fn ordinal(n: usize, genitive: bool) -> String {
    let (t, u) = (n / 10 % 10, n % 10);
    let stem = match (t, u) {
        (1, _) => ORD_TEENS[u].to_string(),
        (_, 0) => ORD_TENS[t].to_string(),
        (0, _) => ORD_UNITS[u].to_string(),
        _ => format!("{} {}", TENS[t], ORD_UNITS[u]),
    };
    let soft = stem.ends_with("треть");
    let ending = match (soft, genitive) {
        (true, true) => "его",
        (true, false) => "ем",
        (false, true) => "ого",
        (false, false) => "ом",
    };
    format!("{stem}{ending}")
}

/// `в сорок пятом году`, `в 1945 году`, `в тысяча девятьсот сорок пятом году`.
pub(crate) fn year_in(year: usize, rng: &mut Rng) -> String {
    match rng.below(4) {
        0 => format!("в {year} году"),
        1 => format!("в тысяча девятьсот {} году", ordinal(year % 100, false)),
        _ => format!("в {} году", ordinal(year % 100, false)),
    }
}

/// Months in the prepositional (`в ноябре`).
pub(crate) const MONTHS_IN: [&str; 12] = [
    "январе",
    "феврале",
    "марте",
    "апреле",
    "мае",
    "июне",
    "июле",
    "августе",
    "сентябре",
    "октябре",
    "ноябре",
    "декабре",
];

/// `в` → `во`, `с` → `со`, `о` → `об` where Russian needs the longer form.
pub(crate) fn fix_prepositions(sentence: &str) -> String {
    let words: Vec<&str> = sentence.split(' ').collect();
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    for (i, w) in words.iter().enumerate() {
        let next: Vec<char> = words
            .get(i + 1)
            .map(|n| n.to_lowercase().chars().take(2).collect())
            .unwrap_or_default();
        let consonant = |c: &char| !"аеёиоуыэюя".contains(*c) && c.is_alphabetic();
        let fixed = match (*w, next.as_slice()) {
            ("в" | "В", [a, b]) if "вф".contains(*a) && consonant(b) => format!("{w}о"),
            ("с" | "С", [a, b]) if "сзшж".contains(*a) && consonant(b) => format!("{w}о"),
            ("о" | "О", [a, ..]) if "аоуэи".contains(*a) => format!("{w}б"),
            _ => (*w).to_string(),
        };
        out.push(fixed);
    }
    out.join(" ")
}

/// Nouns by topic, most common first: `*` animate, `:m`/`:f` gender of
/// `-ь`/`-а` words, `|stem=` oblique stem, `|pl=` nominative plural,
/// `|gpl=` genitive plural, `|prep=` locative.
const NOUNS: &[(&str, &str)] = &[
    (
        "work",
        "шахта работа лесоповал завод стройка колхоз норма смена забой рудник карьер
         совхоз торф погрузка|gpl=погрузок разгрузка|gpl=разгрузок уголь|stem=угл
         лес|prep=лесу",
    ),
    (
        "place",
        "лагерь|pl=лагеря барак вагон эшелон станция больница деревня|gpl=деревень
         город|pl=города дом|pl=дома двор школа подвал зона вышка|gpl=вышек
         проволока граница дорога река мост поле площадь:f улица казарма
         кухня|gpl=кухонь баня землянка|gpl=землянок комната санчасть:f кладбище яма",
    ),
    (
        "food",
        "хлеб суп баланда каша капуста картошка|gpl=картошек вода соль:f сахар мясо
         рыба пайка|gpl=паек паёк|stem=пайк кипяток|stem=кипятк чай мука крупа сало
         жир похлёбка|gpl=похлёбок еда махорка|gpl=махорок",
    ),
    (
        "peoplem",
        "конвоир* охранник* начальник* бригадир* солдат*|gpl=солдат врач* офицер*
         переводчик* немец*|stem=немц мадьяр*|gpl=мадьяр венгр* товарищ* фельдшер*
         сторож*|pl=сторожа доктор*|pl=доктора священник* учитель*|pl=учителя
         украинец*|stem=украинц",
    ),
    (
        "peoplef",
        "женщина* девушка*|gpl=девушек медсестра* врачиха* хозяйка*|gpl=хозяек",
    ),
    (
        "kinm",
        "отец*|stem=отц брат* муж* сын* дедушка:m* дядя:m* папа:m*",
    ),
    (
        "kinf",
        "мама* жена* бабушка*|gpl=бабушек тётя*|gpl=тёть сестра* дочка*|gpl=дочек",
    ),
    (
        "job",
        "крестьянин* шахтёр* столяр* кузнец*|stem=кузнец сапожник* портной* каменщик*
         торговец*|stem=торговц мельник* пастух* извозчик* железнодорожник* пекарь*",
    ),
    (
        "thing",
        "одежда обувь:f телогрейка|gpl=телогреек фуфайка|gpl=фуфаек шапка|gpl=шапок
         одеяло лопата кирка тачка|gpl=тачек топор пила мешок|stem=мешк
         котелок|stem=котелк ложка|gpl=ложек письмо|gpl=писем фотография документ
         бумага справка|gpl=справок чемодан вещь:f рубль ботинок|stem=ботинк",
    ),
    (
        "time",
        "день|stem=дн неделя|gpl=недель месяц год|pl=годы|gpl=лет зима лето осень:f
         весна|gpl=вёсен утро вечер|pl=вечера ночь:f праздник",
    ),
    (
        "body",
        "рука нога голова спина болезнь:f тиф дизентерия температура рана голод холод
         слабость:f смерть:f цинга воспаление",
    ),
    (
        "idea",
        "война жизнь:f страх надежда приказ список|stem=списк разрешение свобода родина
         плен допрос приговор статья срок память:f язык молитва правда судьба",
    ),
];

/// Verbs: infinitive, or infinitive and past m, f, pl where irregular.
const VERBS: &[(&str, &str)] = &[
    (
        "motion",
        "ехать
         идти шёл шла шли
         прийти пришёл пришла пришли
         приехать
         уехать
         вернуться
         бежать
         попасть попал попала попали
         добраться
         отправиться",
    ),
    (
        "take",
        "везти вёз везла везли
         увезти увёз увезла увезли
         гнать
         забрать
         отправить
         привезти привёз привезла привезли
         отпустить
         собрать
         охранять
         бить
         допрашивать
         осудить",
    ),
    (
        "work",
        "работать
         копать
         рубить
         грузить
         таскать
         носить
         строить
         пилить
         возить
         выполнить
         добывать
         косить
         убирать
         чистить",
    ),
    (
        "live",
        "есть ел ела ели
         пить
         варить
         получать
         получить
         украсть украл украла украли
         голодать
         мёрзнуть мёрз мёрзла мёрзли
         спать
         менять
         просить
         ждать
         замёрзнуть замёрз замёрзла замёрзли
         заболеть
         умереть умер умерла умерли
         хоронить
         молиться
         плакать
         стирать",
    ),
    (
        "say",
        "говорить
         сказать
         спрашивать
         спросить
         кричать
         слышать
         видеть
         знать
         думать
         верить
         бояться
         писать
         читать
         считать
         объявить
         обещать
         забыть
         помнить",
    ),
    (
        "do",
        "быть
         остаться
         жить
         оказаться
         найти нашёл нашла нашли
         искать
         помогать
         платить
         принести принёс принесла принесли
         дать
         взять
         сидеть
         стоять
         лежать",
    ),
];

const ADJECTIVES: &str = "холодный тяжёлый большой маленький длинный короткий тёмный
    грязный чистый голодный усталый больной плохой хороший бедный старый молодой новый
    русский венгерский немецкий украинский мёрзлый сырой сухой жёсткий худой жидкий
    кислый горький серый чёрный белый целый первый последний второй далёкий близкий
    страшный жестокий добрый строгий глубокий высокий низкий широкий узкий пыльный
    ледяной зимний летний осенний товарный деревянный железный каменный";

const WORDS: &[(&str, &str)] = &[
    (
        "adv",
        "потом, тогда, там, уже, ещё, всегда, никогда, иногда, однажды, утром, вечером,
         целый день, каждый день, на рассвете, до вечера, сразу, медленно, быстро, долго,
         едва, наконец, опять, тут же, после этого, перед этим, тем временем, скоро",
    ),
    (
        "loan",
        "давай, быстро, давай-давай, скоро домой, нельзя, работай, стой, мадьяр, фашист,
         маленький робот",
    ),
    (
        "filler",
        "ну, вот, знаете, значит, так сказать, да, конечно, как бы, в общем, понимаете",
    ),
    (
        "stage",
        "(пауза), (плачет), (смеётся), [неразборчиво], (долгая пауза), (кашляет), (вздыхает)",
    ),
    (
        "given_m",
        "Иван, Янош, Ференц, Иштван, Михаил, Йожеф, Ласло, Андрей, Василий, Пётр, Николай,
         Александр, Шандор, Бела, Дюла, Карл, Антон, Степан, Юрий, Золтан",
    ),
    (
        "given_f",
        "Мария, Елизавета, Анна, Екатерина, Илона, Маргарита, Юлия, Ирина, Ольга, Вера,
         Эржебет, Магдалина, Терезия, Розалия, Оксана, Наталья, Людмила, Галина",
    ),
    (
        "patronymic_m",
        "Иванович, Михайлович, Францевич, Янович, Андреевич, Петрович, Степанович,
         Юрьевич, Иосифович, Васильевич, Николаевич, Карлович",
    ),
    (
        "patronymic_f",
        "Ивановна, Михайловна, Францевна, Яновна, Андреевна, Петровна, Степановна,
         Юрьевна, Иосифовна, Васильевна, Николаевна, Карловна, Викторовна, Сергеевна",
    ),
    (
        "surname_m",
        "Балог, Ковач, Сабо, Тот, Надь, Варга, Киш, Молнар, Немет, Фаркаш, Папп, Такач,
         Юхас, Лакатош, Месарош, Гайдош, Фекете, Шимон, Рац, Ласло, Гал, Фодор, Бодор,
         Иванов, Петров, Ткаченко, Коваленко, Шевчук, Бондаренко, Мельник, Попович",
    ),
    (
        "surname_f",
        "Балог, Ковач, Сабо, Тот, Надь, Варга, Киш, Молнар, Немет, Фаркаш, Папп, Такач,
         Юхас, Гайдош, Фекете, Шимон, Иванова, Петрова, Ткаченко, Коваленко, Шевчук,
         Бондаренко, Мельник, Попович, Сидорова",
    ),
    (
        "village",
        "Дерцен, Берегово, Мужиево, Косонь, Чоп, Виноградово, Тячев, Хуст, Батьево,
         Вары, Гать, Есень, Сюрте, Великая Добронь, Мукачево, Ужгород, Севлюш, Рахов,
         Солотвино, Иза, Барбово, Гут, Бене, Шом, Квасово, Запсонь",
    ),
];

/// Narrator sentences by topic. Slots as in Hungarian, plus `{g:м|ж}`
/// (by the narrator's gender) and Russian case codes (`nom gen dat acc
/// ins prep`, `p…` for plural).
pub(crate) const NARRATOR: &[(&str, &[&str])] = &[
    (
        "home",
        &[
            "{g:Родился|Родилась} я {HOME:in}, {BIRTHYEAR}.",
            "Отец был {N.job:ins}, земли было немного, {NUM} хольда, ещё виноградник.",
            "Семья у нас была большая, {NUM5} детей, я {g:был старший|была старшая}.",
            "Дома говорили по-венгерски, по-русски я {g:научился|научилась} уже в лагере.",
            "{W.adv} отец {V.work.m} в {N.place:prep}, а мама {V.do.f} дома.",
            "Жили бедно, но голода не было, {N.food:gen} всегда хватало.",
            "В школу я {g:ходил|ходила} {HOME:in}, закончил{g:|а} шесть классов.",
            "До войны мы {V.work.pl} на {N.work:prep}, жизнь была нормальная.",
        ],
    ),
    (
        "roundup",
        &[
            "В {MONTH} {YEARGEN} года пришли русские.",
            "Барабанщик объявил, что все мужчины должны явиться на три дня, на работу.",
            "Сказали, что это маленькая работа, на три дня, а потом домой.",
            "Нас собрали в {N.place:prep} и {W.adv} {V.take.pl} {CAMP:to}.",
            "Взяли с собой {N.food:acc}, {N.food:acc} и одеяло.",
            "Мама плакала, а {N.peoplem:pnom} кричали {W.loan}.",
            "Кто не пошёл, того объявили военным преступником.",
            "В списке был и мой {N.kinm:nom}, хотя ему было уже {AGE} лет.",
            "{W.adv} {N.peoplem:pnom} {V.take.pl} {N.kinm:acc}, а меня забрали {W.adv}.",
        ],
    ),
    (
        "transit",
        &[
            "Пешком нас погнали {CAMP:to}, там был лагерь за колючей проволокой.",
            "{CAMP:in} мы пробыли {NUM5} недель, спали на {A N.place:prep}.",
            "{CAMP:in} было очень много людей, там начались болезни.",
            "{CAMP:from} нас повезли дальше, в товарных вагонах.",
            "Кормили {CAMP:in} плохо, давали {A N.food:acc} раз в день.",
            "Каждый день {CAMP:in} {N.peoplem:pnom} {V.take.pl} {N.peoplem:pacc} на кладбище.",
        ],
    ),
    (
        "journey",
        &[
            "В вагоне нас было {NUM5} человек, вместо туалета дырка в полу.",
            "Ехали мы {NUM5} дней, {N.food:acc} почти не давали.",
            "По дороге многие {V.live.pl}, их оставляли {W.adv} на станциях.",
            "Поезд {W.adv} останавливался, и {N.peoplem:pnom} {V.take.pl} {N.peoplem:pacc}.",
            "В вагоне было холодно, мы {V.do.pl} на себя {N.thing:acc}.",
            "Привезли нас {DEST:to} в {MONTH} {YEARGEN} года.",
        ],
    ),
    (
        "camp",
        &[
            "Жили мы {DEST:in}, в {A N.place:prep}, по {NUM5} человек в комнате.",
            "Лагерь был {DEST:in}, {REGION:in}, за колючей проволокой.",
            "Каждое утро нас считали на {N.place:prep}, в любой мороз.",
            "{N.peoplem:nom} {W.adv} {V.take.m} нас, если что не так.",
            "{DEST:in} был один {A N.peoplem:nom}, он к нам хорошо относился.",
            "Писать домой не разрешали, {N.kinf:nom} даже не знала, где я.",
            "Спали на нарах, без {N.thing:gen}, {W.adv} в {A N.place:prep}.",
        ],
    ),
    (
        "work",
        &[
            "Работали мы на {N.work:prep}, по {NUM5} часов в день, норма была большая.",
            "{DEST:in} я {V.work.pst} на {A N.work:prep}, {N.thing:ins} {V.work.pl} {N.thing:acc}.",
            "Кто не выполнял норму, тому давали меньше хлеба.",
            "Зимой работали на {A N.work:prep}, в мороз минус {NUM5} градусов.",
            "Бригадир кричал {W.loan}, если мы работали медленно.",
            "На {N.work:prep} многие {V.live.pl}, особенно зимой.",
            "{NUM5} лет я {V.work.pst} {DEST:in}, на {N.work:prep} и на {N.work:prep}.",
            "Однажды на {N.work:prep} на меня упала {N.thing:nom}, с тех пор болит {N.body:nom}.",
        ],
    ),
    (
        "hunger",
        &[
            "Кормили {A N.food:ins}, давали триста граммов хлеба.",
            "Голод был страшнее всего, ели {N.food:acc}, если удавалось достать.",
            "{N.food:acc} мы {V.live.pl} у кухни, чтобы конвой не видел.",
            "За хлеб отдавали всё, даже {N.thing:acc}.",
            "Меняли {N.thing:acc} у местных на {N.food:acc}.",
            "Варили {N.food:acc} из крапивы, потому что {N.food:gen} не было.",
        ],
    ),
    (
        "illness",
        &[
            "{W.adv} в лагере начался тиф, многие {V.live.pl}.",
            "Я тоже {V.live.pst} {YEAR}, {NUM5} недель {g:лежал|лежала} в {N.place:prep}.",
            "Умерших хоронили {W.adv} в общей яме, без гробов.",
            "От {N.body:gen} ничего не было, вши были везде.",
            "Врач, {N.peoplem:nom} по национальности, спас меня, иначе я бы умер{g:|ла}.",
            "{HOME:from} вернулось только {NUM5} человек.",
        ],
    ),
    (
        "return",
        &[
            "Домой отпустили {YEAR}, ехали через {CAMP:acc}.",
            "Когда я {g:вернулся|вернулась} {HOME:to}, мама меня не узнала, {g:такой худой я был|такая худая я была}.",
            "На обратном пути {CAMP:in} ждали ещё неделю, потом через Чоп перешли границу.",
            "Дома об этом говорить было нельзя, все {W.adv} молчали.",
            "Дали справку, что я {g:работал|работала} {DEST:in}, но потом и её забрали.",
            "Когда я {g:вернулся|вернулась}, {N.kinm:nom} уже умер.",
        ],
    ),
    (
        "after",
        &[
            "Долго я {g:боялся|боялась} рассказывать, даже детям не {g:говорил|говорила}.",
            "Только после перестройки {W.adv} можно было рассказать, что с нами было.",
            "{DEST:in} до сих пор лежат наши люди, никто не знает где.",
            "Сейчас я уже {g:старый|старая}, но {N.place:acc} {W.adv} вижу во сне.",
            "Каждый год мы ездим {CAMP:to}, к памятнику.",
            "Я рассказываю это, чтобы молодые знали, что было {DEST:in}.",
        ],
    ),
];

/// Clauses for any topic, joined by [`CONJUNCTIONS`] into sentences.
pub(crate) const CLAUSES: &[&str] = &[
    "{W.adv} мы {V.work.pl} на {N.work:prep}",
    "{N.peoplem:pnom} {W.adv} {V.take.pl} {N.peoplem:pacc} в {N.place:acc}",
    "{N.peoplem:nom} {V.say.m}, что {N.kinm:nom} в {N.place:prep}",
    "в {A N.place:prep} мы {V.live.pl} {W.adv}",
    "{N.thing:acc} мы {V.do.pl} у {N.peoplem:pgen}",
    "в {N.place:prep} было полно {N.peoplem:pgen}",
    "не было ни {N.food:gen}, ни {N.food:gen}",
    "{NUM5} {N.time:pgen} мы {V.work.pl} на {N.work:prep}",
    "{N.peoplem:pnom} {W.adv} кричали {W.loan}",
    "от {N.body:gen} многие {V.live.pl}",
    "я {V.say.pst} {N.kinm:acc} в {N.place:prep}",
    "{N.peoplem:nom} {V.do.m} {N.kinf:dat} {N.thing:acc}",
    "{A N.food:acc} мы {V.live.pl} {W.adv}",
    "{W.adv} мы {V.do.pl} {DEST:in}",
    "на {N.work:prep} мы {V.work.pl} {N.thing:acc} {N.thing:ins}",
    "{N.thing:acc} мы {V.do.pl} в {N.place:prep}",
    "{N.peoplem:pnom} {W.adv} {V.say.pl} о {N.idea:prep}",
    "мы {V.motion.pl} в {N.place:acc}, где {N.peoplem:pnom} {V.live.pl}",
    "{N.kinf:nom} {V.live.f} {N.food:acc} в {N.place:prep}",
    "{CAMP:in} мы {V.live.pl} {W.adv}",
    "из {N.place:gen} мы {V.motion.pl} на {N.work:acc}",
    "{W.filler}, {N.idea:acc} я {W.adv} {V.say.pst}",
    "с {N.peoplem:ins} мы {V.say.pl} о {N.idea:prep}",
    "{N.kinm:nom} {W.adv} {V.work.m} на {N.work:prep}",
];

/// Joins two clauses.
pub(crate) const CONJUNCTIONS: &[&str] = &[
    ", и ",
    ", но ",
    ", потому что ",
    ", а потом ",
    ", когда ",
    ", а ",
    "; ",
];

/// Interviewer questions by topic.
pub(crate) const QUESTIONS: &[(&str, &[&str])] = &[
    (
        "home",
        &[
            "Где вы родились?",
            "Чем занимались ваши родители?",
            "Сколько у вас было братьев и сестёр?",
            "Как жили {HOME:in} до войны?",
        ],
    ),
    (
        "roundup",
        &[
            "Что вы помните об осени сорок четвёртого года?",
            "Как вас забрали?",
            "Что вам сказали, куда вас везут?",
            "Кого забрали {HOME:from}?",
        ],
    ),
    (
        "transit",
        &[
            "Какой был лагерь {CAMP:in}?",
            "Сколько вы пробыли {CAMP:in}?",
            "Чем кормили {CAMP:in}?",
        ],
    ),
    (
        "journey",
        &[
            "Как вы ехали?",
            "Сколько человек было в вагоне?",
            "Вы знали, куда вас везут?",
        ],
    ),
    (
        "camp",
        &[
            "Какой был лагерь {DEST:in}?",
            "Где вы жили?",
            "Как с вами обращалась охрана?",
        ],
    ),
    (
        "work",
        &[
            "Какую работу вы выполняли?",
            "Какая была норма?",
            "Кем вы работали {DEST:in}?",
        ],
    ),
    (
        "hunger",
        &[
            "Чем вас кормили?",
            "Сколько хлеба давали?",
            "Как вы пережили голод?",
        ],
    ),
    (
        "illness",
        &[
            "Были ли болезни в лагере?",
            "Много людей умерло?",
            "Был ли в лагере врач?",
        ],
    ),
    (
        "return",
        &[
            "Когда вас отпустили домой?",
            "Как вас встретили дома?",
            "Каким путём вы возвращались?",
        ],
    ),
    (
        "after",
        &[
            "Вы рассказывали об этом потом?",
            "Что это значит для вас сегодня?",
            "Что бы вы сказали молодым?",
        ],
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn f(code: &str) -> Form {
        Form::from_code(code).unwrap()
    }

    #[test]
    fn declension_classes() {
        let lager = Noun::parse("лагерь|pl=лагеря");
        assert_eq!(lager.form(f("prep")), "лагере");
        assert_eq!(lager.form(f("gen")), "лагеря");
        assert_eq!(lager.form(f("ins")), "лагерем");
        assert_eq!(lager.form(f("pgen")), "лагерей");
        assert_eq!(lager.form(f("pprep")), "лагерях");
        let shahta = Noun::parse("шахта");
        assert_eq!(shahta.form(f("prep")), "шахте");
        assert_eq!(shahta.form(f("acc")), "шахту");
        assert_eq!(shahta.form(f("pgen")), "шахт");
        assert_eq!(shahta.form(f("ins")), "шахтой");
        let barak = Noun::parse("барак");
        assert_eq!(barak.form(f("pnom")), "бараки");
        assert_eq!(barak.form(f("pprep")), "бараках");
        assert_eq!(Noun::parse("каша").form(f("ins")), "кашей");
        assert_eq!(Noun::parse("ночь:f").form(f("ins")), "ночью");
        assert_eq!(Noun::parse("ночь:f").form(f("pdat")), "ночам");
        assert_eq!(Noun::parse("болезнь:f").form(f("pdat")), "болезням");
        assert_eq!(Noun::parse("станция").form(f("prep")), "станции");
        assert_eq!(Noun::parse("отец*|stem=отц").form(f("acc")), "отца");
        assert_eq!(Noun::parse("конвоир*").form(f("pacc")), "конвоиров");
        assert_eq!(Noun::parse("товарищ*").form(f("pgen")), "товарищей");
        assert_eq!(Noun::parse("лес|prep=лесу").form(f("prep")), "лесу");
        assert_eq!(Noun::parse("село").form(f("prep")), "селе");
        assert_eq!(Noun::parse("месяц").form(f("ins")), "месяцем");
        assert_eq!(Noun::place("Донецк").form(f("prep")), "Донецке");
        assert_eq!(Noun::place("Фокшаны").form(f("prep")), "Фокшанах");
        assert_eq!(Noun::place("Фокшаны").form(f("gen")), "Фокшан");
        assert_eq!(Noun::place("Фокшаны").form(f("acc")), "Фокшаны");
        assert_eq!(Noun::place("Воркута").form(f("prep")), "Воркуте");
        assert_eq!(Noun::place("Пермь").form(f("prep")), "Перми");
        assert_eq!(Noun::place("Череповец").form(f("prep")), "Череповце");
        assert!(!Noun::place("Сталино").declines());
        assert_eq!(Noun::place("Тбилиси").form(f("prep")), "Тбилиси");
    }

    #[test]
    fn adjectives_agree() {
        let barak = Noun::parse("барак");
        let shahta = Noun::parse("шахта");
        let konv = Noun::parse("конвоир*");
        assert_eq!(adjective("холодный", &barak, f("prep")), "холодном");
        assert_eq!(adjective("холодный", &shahta, f("prep")), "холодной");
        assert_eq!(adjective("русский", &konv, f("acc")), "русского");
        assert_eq!(adjective("русский", &barak, f("pnom")), "русские");
        assert_eq!(adjective("хороший", &shahta, f("gen")), "хорошей");
        assert_eq!(adjective("зимний", &shahta, f("nom")), "зимняя");
        assert_eq!(adjective("большой", &barak, f("ins")), "большим");
        assert_eq!(adjective("молодой", &barak, f("pnom")), "молодые");
    }

    #[test]
    fn verbs_numbers_prepositions() {
        let v = Verb::parse("вернуться");
        assert_eq!(v.form("pst", true), "вернулась");
        assert_eq!(v.form("pl", false), "вернулись");
        assert_eq!(Verb::parse("работать").form("pst", false), "работал");
        assert_eq!(Verb::parse("идти шёл шла шли").form("pst", true), "шла");
        assert_eq!(ordinal(45, false), "сорок пятом");
        assert_eq!(ordinal(44, true), "сорок четвёртого");
        assert_eq!(ordinal(43, false), "сорок третьем");
        assert_eq!(ordinal(40, false), "сороковом");
        assert_eq!(ordinal(50, true), "пятидесятого");
        assert_eq!(ordinal(12, false), "двенадцатом");
        assert_eq!(cardinal(25), "двадцать пять");
        assert_eq!(
            fix_prepositions("мы жили в Владимире"),
            "мы жили во Владимире"
        );
        assert_eq!(fix_prepositions("о этом"), "об этом");
        assert_eq!(fix_prepositions("в лагере"), "в лагере");
    }
}

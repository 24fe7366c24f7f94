//! The context words the tagger's rules look for, in Hungarian, Russian
//! and German, as folded forms (lower case, accents removed, ё → е).
//!
//! Each list is a [`Lex`]: whole words, word beginnings and word parts.
//! The lists are general vocabulary of deportation narratives (camps,
//! trains, kinship, hearsay), not phrases of particular testimonies.

use std::collections::HashSet;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, Anchored, Input, StartKind};

use crate::hash::FxBuildHasher;

/// A word list: exact folded words, prefixes and infixes.
pub(super) struct Lex {
    pub exact: &'static [&'static str],
    pub prefix: &'static [&'static str],
    pub infix: &'static [&'static str],
    /// Word endings: the last member of a compound with its case ending
    /// (`vagonba` in `tehervagonba`, `marhavagonokba`).
    pub suffix: &'static [&'static str],
    /// Hash sets of `exact` and `prefix`, built on first use: `has` runs
    /// for most words of every testimony.
    pub compiled: OnceLock<Compiled>,
}

/// The lookup tables of a [`Lex`].
pub(super) struct Compiled {
    exact: HashSet<&'static str, FxBuildHasher>,
    /// The prefixes, matched at the start of the word only: one pass over
    /// the word instead of a hash lookup for every prefix length.
    prefixes: Option<AhoCorasick>,
    /// The infixes, matched anywhere: one pass instead of a substring
    /// search set up for each infix.
    infixes: Option<AhoCorasick>,
}

impl Compiled {
    fn new(lex: &Lex) -> Compiled {
        // Lists are static and small; a list the automaton refuses
        // (none is near its limits) would fall back to no match, so a
        // unit test builds every list.
        let automaton = |words: &[&str], start| {
            (!words.is_empty())
                .then(|| AhoCorasick::builder().start_kind(start).build(words).ok())
                .flatten()
        };
        Compiled {
            exact: lex.exact.iter().copied().collect(),
            prefixes: automaton(lex.prefix, StartKind::Anchored),
            infixes: automaton(lex.infix, StartKind::Unanchored),
        }
    }
}

impl Lex {
    /// Whether a folded word belongs to the list: equal to a word of
    /// `exact`, starting with one of `prefix`, containing one of `infix`
    /// (the last members of compounds and derivations: `tabor` in
    /// `hadifogolytáborban`, `bany` in `szénbányában`) or ending with one
    /// of `suffix`.
    pub fn has(&self, folded: &str) -> bool {
        let c = self.compiled.get_or_init(|| Compiled::new(self));
        c.exact.contains(folded)
            || c.prefixes
                .as_ref()
                .is_some_and(|a| a.is_match(Input::new(folded).anchored(Anchored::Yes)))
            || c.infixes.as_ref().is_some_and(|a| a.is_match(folded))
            || self.suffix.iter().any(|p| folded.ends_with(p))
    }

    /// Whether every list of this lexicon compiled (for a test).
    #[cfg(test)]
    pub fn compiles(&self) -> bool {
        let c = self.compiled.get_or_init(|| Compiled::new(self));
        c.prefixes.is_some() != self.prefix.is_empty()
            && c.infixes.is_some() != self.infix.is_empty()
    }
}

/// Camps and being held: a place named with these words was a camp the
/// narrator was kept in (the only context that makes a transit-camp tag).
/// Barracks are camps in Hungarian and German alike (`laktanya`,
/// `Kaserne`): the collection camps of 1944–45 were old barracks
/// (`In Temeswar waren wir in einer Kaserne eingesperrt`). The Russian
/// `казарма` is only a [`BUILDING`]: a region's adjective before it is a
/// people (`в украинской казарме`), and as a camp word it made that a
/// camp in Ukraine.
pub(super) static CAMP: Lex = Lex {
    exact: &[
        "tartottak",
        "vagonba",
        "vagonokba",
        "sammellager",
        "verladen",
        "держали",
        "пробыл",
        "пробыла",
        "пробыли",
        "собрали",
        "пересылка",
    ],
    prefix: &[
        "gyujtohely",
        "laktany",
        "barakk",
        "borton",
        "fogda",
        "szogesdrot",
        "valogat",
        "osszeir",
        "listaz",
        "fertotlenit",
        "osszegyujt",
        "gyujtottek",
        "osszeszed",
        "osszeterel",
        "osszefogdos",
        "сгоня",
        "согнали",
        "собира",
        "furdet",
        "kihallgat",
        "lagerb",
        "baracke",
        "kaserne",
        "stacheldraht",
        "heimkehrerlager",
        "durchgangslager",
        "лагер",
        "пересыл",
        "тюрьм",
        "барак",
        "колюч",
        "сборн",
        "погруз",
        "транзит",
    ],
    infix: &[
        "tabor",
        "drot",
        "lager",
        "valogat",
        "vagoniroz",
        "bevagon",
        "barakk",
        "laktanya",
        "borton",
        "лагер",
        "барак",
    ],
    suffix: &["vagonba", "vagonokba", "vagonra", "vagonokra"],
    compiled: OnceLock::new(),
};

/// Work, arrival and transfer: a place named with these words is where the
/// narrator was taken or worked (besides everything in [`CAMP`]).
pub(super) static DESTINATION: Lex = Lex {
    exact: &[
        "voltunk",
        "voltam",
        "maradtunk",
        "maradtam",
        "ertunk",
        "erkeztunk",
        "erkeztem",
        "megerkeztunk",
        "megerkeztem",
        "kerultem",
        "kerultunk",
        "kerult",
        "прибыли",
        "прибыл",
        "прибыла",
        "привезли",
        "повезли",
        "gebracht",
        "angekommen",
        "gearbeitet",
        "geblieben",
        "waren",
        "gewesen",
    ],
    prefix: &[
        "dolgoz",
        "bany",
        "norma",
        "csille",
        "fejtes",
        "epitkez",
        "toltott",
        "eltoltott",
        "ultem",
        "ultunk",
        "провел",
        "провели",
        "отбыва",
        "сидел",
        "epitett",
        "работ",
        "шахт",
        "перевел",
        "перевели",
        "отправ",
        "этап",
        "прииск",
        "рудник",
        "стройк",
        "строил",
        "норм",
        "grube",
        "zeche",
        "arbeit",
    ],
    infix: &[
        "vittek",
        "hajtottak",
        "helyeztek",
        "szallitottak",
        "erkeztek",
        "kerultek",
        "bany",
        "шахт",
    ],
    suffix: &[],
    compiled: OnceLock::new(),
};

/// Words that start a sentence referring back to the place just named
/// (`Ott is tábor volt`).
pub(super) const ANAPHORA: &[&str] = &[
    "ott",
    "oda",
    "onnan",
    "itt",
    "там",
    "туда",
    "оттуда",
    "dort",
    "da",
    "dorthin",
];

/// A route: the place was passed through (`Munkácson keresztül`,
/// `через Мукачево`, `über Brest`). Hungarian postpositions follow the
/// name; Russian and German prepositions precede it.
pub(super) const ROUTE_AFTER: &[&str] = &["at", "keresztul", "fele", "iranyaba", "iranyaban"];
/// Verbs of handing over or receiving whose particle is `át`
/// (`vettek át`, `adtak át`).
pub(super) const HAND_OVER: &[&str] = &[
    "vettek", "vett", "vettuk", "vettunk", "adtak", "adott", "adtuk", "adtunk",
];
/// Prepositions of route before the name.
pub(super) const ROUTE_BEFORE: &[&str] = &["keresztul", "через", "мимо", "uber", "durch", "via"];
/// Buildings people were kept in on the way (a school, a gymnasium, a
/// brick works, barracks, a warehouse, a cellar): a place adjective before
/// one (`a gödöllői gimnázium`, `в ужгородской школе`) names the place of a
/// stay when the sentence tells one.
pub(super) static BUILDING: Lex = Lex {
    exact: &[],
    prefix: &[
        "iskol",
        "gimnazium",
        "tornater",
        "teglagyar",
        "teglaget",
        "kaszarny",
        "pince",
        "istallo",
        "raktar",
        "magtar",
        "malom",
        "malomb",
        "школ",
        "гимнази",
        "казарм",
        "склад",
        "кирпичн",
        "сарай",
        "конюшн",
        "подвал",
        "schule",
        "kaserne",
        "ziegelei",
    ],
    infix: &[],
    suffix: &[],
    compiled: OnceLock::new(),
};

/// Guarding or escorting (`охранять лагерь`, `я сопровождал эшелоны`,
/// `őriztük a foglyokat`): a narrator who guarded a camp was not held in it.
pub(super) static GUARDING: Lex = Lex {
    exact: &[
        "охранять",
        "охранял",
        "охраняли",
        "сопровождал",
        "сопровождали",
        "конвоировал",
        "конвоировали",
        "oriztuk",
        "oriztem",
        "orizni",
        "kisertuk",
        "kisertem",
        "bewachte",
        "bewachten",
    ],
    prefix: &[],
    infix: &[],
    suffix: &[],
    compiled: OnceLock::new(),
};

/// Crossing a border at a place is a route, not a stay.
pub(super) static BORDER: Lex = Lex {
    exact: &[],
    prefix: &["hatar", "границ", "grenze"],
    infix: &[],
    suffix: &[],
    compiled: OnceLock::new(),
};
/// A train stopping at a place (`Cseljabinszkban állt meg a vonat`).
pub(super) static TRAIN: Lex = Lex {
    exact: &[
        "vonat",
        "vonatunk",
        "szerelveny",
        "поезд",
        "эшелон",
        "zug",
        // The station the train stood at (`egy állomáson egy napig
        // álltunk`, `на станции простояли сутки`, `am Bahnhof standen wir`).
        "allomas",
        "allomason",
        "palyaudvar",
        "palyaudvaron",
        "станции",
        "станция",
        "вокзале",
        "bahnhof",
    ],
    prefix: &[],
    infix: &[],
    suffix: &[],
    compiled: OnceLock::new(),
};
/// Stop verbs for [`TRAIN`].
pub(super) static STOP: Lex = Lex {
    exact: &[
        "allt",
        "megallt",
        "hielt",
        // The narrator's train standing, in the first person
        // (`álltunk`, `стояли`, `standen`).
        "alltunk",
        "megalltunk",
        "alltak",
        "vesztegeltunk",
        "стоял",
        "стояли",
        "постояли",
        "простояли",
        "stand",
        "standen",
        "hielten",
    ],
    prefix: &["остановил"],
    infix: &[],
    suffix: &[],
    compiled: OnceLock::new(),
};

/// A locator: the place is named to locate another (`Sztálinó mellett`,
/// `под Мукачевом`, `bei Stalino`).
pub(super) const LOCATOR_AFTER: &[&str] = &[
    "mellett",
    "melle",
    "mellol",
    "kozeleben",
    "kozelebe",
    "kornyeken",
    "kornyeki",
    "kornyekere",
    "kornyekerol",
    "alatt",
    "korul",
];
/// Directions after a name in the ablative locate another place
/// (`Voronyezstől délre`, `Kijevtől keletre`).
pub(super) const COMPASS: &[&str] = &[
    "delre",
    "eszakra",
    "keletre",
    "nyugatra",
    "delkeletre",
    "delnyugatra",
    "eszakkeletre",
    "eszaknyugatra",
];
/// Locating prepositions before the name.
pub(super) const LOCATOR_BEFORE: &[&str] = &[
    "kozel",
    // `это у Брашова`: near it.
    "у",
    "под",
    "около",
    "недалеко",
    "рядом",
    "возле",
    "близ",
    "bei",
    "neben",
    "nahe",
    "unweit",
];
/// Distances (`Kazanytól nyolcvan kilométerre`, `в тридцати километрах от`).
pub(super) static DISTANCE: Lex = Lex {
    exact: &["messze", "messzire"],
    prefix: &["kilometer", "километр"],
    infix: &[],
    suffix: &[],
    compiled: OnceLock::new(),
};

/// Being taken somewhere (for the transit-camp towns the narrator was
/// taken to, see [`super::places`]).
pub(super) static TAKEN: Lex = Lex {
    exact: &[
        "привезли",
        "повезли",
        "отправили",
        "пригнали",
        "погнали",
        "доставили",
        "gebracht",
        "verschleppt",
    ],
    prefix: &[],
    infix: &[
        "vittek",
        "hajtottak",
        "szallitottak",
        "hurcoltak",
        "kerultunk",
        "kerultem",
    ],
    suffix: &[],
    compiled: OnceLock::new(),
};

/// Birth, home and the return home: a place named with these is where the
/// narrator comes from or came back to.
pub(super) static HOME: Lex = Lex {
    exact: &[
        "laktunk",
        "lakunk",
        "lakik",
        "szarmazom",
        "szarmazunk",
        "hazajottem",
        "hazajottunk",
        "hazaertem",
        "hazaertunk",
        "домой",
        "родом",
        "живет",
        "живут",
        "wohnt",
        "wohnen",
        "heimgekehrt",
    ],
    prefix: &["szulet", "родил", "geboren"],
    infix: &[],
    suffix: &[],
    compiled: OnceLock::new(),
};

/// Negation right before a name (`nem Szibériába`, `не в Сибирь`).
pub(super) const NEGATION: &[&str] = &["nem", "sem", "не", "ни", "nicht", "kein", "keine"];

/// Hearsay and expectation: a place in such a sentence is a rumour
/// (`Azt mondták, Szibériába visznek`; `Кто-то сказал — в Сибирь`).
pub(super) static HEARSAY: Lex = Lex {
    exact: &[
        "visznek",
        "viszik",
        "hirlett",
        "hallottuk",
        "hallotta",
        "hallottam",
        "allitolag",
        "hittuk",
        "hittem",
        "beszeltek",
        "rebesgettek",
        "сказал",
        "сказала",
        "говорили",
        "говорят",
        "якобы",
        "думали",
        "слышали",
        // Heard or learned later in the first person singular, as
        // `hallottam` (`Больных, я слышала, отправляли в Спасск`,
        // `Később megtudtam, hogy aki a Kolimára ment…`).
        "слышал",
        "слышала",
        "megtudtam",
        "megtudtuk",
        "узнал",
        "узнала",
        "erfuhr",
        "erfuhren",
        "слух",
        "слухи",
        "везут",
        "повезут",
        "отправят",
        "angeblich",
        "geruecht",
        "geruchte",
        "dachten",
        "hiess",
    ],
    prefix: &[],
    infix: &[],
    suffix: &[],
    compiled: OnceLock::new(),
};
/// Speech: a place after a colon or in quotes in a sentence with these
/// words is reported speech (`mondták, nevettek rajta: Szibir, Szibir`).
pub(super) static SPEECH: Lex = Lex {
    exact: &[
        "mondtak",
        "mondta",
        "kiabaltak",
        "kiabalta",
        "szo",
        "mondogattak",
        "сказали",
        "кричали",
        "говорил",
        "sagten",
        "gesagt",
        "riefen",
    ],
    prefix: &[],
    infix: &[],
    suffix: &[],
    compiled: OnceLock::new(),
};

/// Things, not people: paintings, books, collections (the trophy brigades).
pub(super) static OBJECTS: Lex = Lex {
    exact: &[
        "kep",
        "kepek",
        "kepeket",
        "kepeiket",
        "kepet",
        "targyak",
        "targyakat",
        "ladak",
        "ladakat",
        "ladakba",
        "книги",
        "книг",
        "bilder",
        "bucher",
    ],
    prefix: &[
        "festmeny",
        "konyv",
        "mukincs",
        "kincs",
        "gyujtemeny",
        "leltar",
        "muzeum",
        "trofea",
        "kulturalis",
        "картин",
        "ценност",
        "музе",
        "трофе",
        "экспонат",
        "gemalde",
        "kunst",
        "museum",
        "beutekunst",
    ],
    infix: &[],
    suffix: &[],
    compiled: OnceLock::new(),
};

/// Livestock and goods (Hungarian accusatives): what soldiers took from a
/// village (`vitték a lovakat, a tyúkokat`). A verb of taking in the
/// definite conjugation with these as its object is not about a person.
pub(super) static GOODS: Lex = Lex {
    exact: &[
        "lovakat",
        "lovat",
        "lovainkat",
        "lovunkat",
        "tyukokat",
        "tyukot",
        "teheneket",
        "tehenet",
        "tehenunket",
        "disznokat",
        "disznot",
        "malacokat",
        "allatokat",
        "joszagot",
        "gabonat",
        "buzat",
        "kukoricat",
        "krumplit",
        "lisztet",
        "szalonnat",
        "bort",
        "orakat",
        "orat",
        "biciklit",
        "szekeret",
        "kocsit",
        "holmit",
        "holminkat",
    ],
    prefix: &[],
    infix: &[],
    suffix: &[],
    compiled: OnceLock::new(),
};

/// Relatives and others: a sentence about them, without the narrator in
/// it, is about someone else (`A sógoromat Boriszovba vitték`).
pub(super) static KIN: Lex = Lex {
    exact: &[
        "apam",
        "apamat",
        "apamnak",
        "apamtol",
        "apja",
        "apjat",
        "apjanak",
        "anyam",
        "anyamat",
        "anyamnak",
        "anyja",
        "anyjat",
        "fiam",
        "fiamat",
        "lanyom",
        "lanyomat",
        "ferjem",
        "ferjemet",
        "ferje",
        "ferjet",
        "batyam",
        "batyamat",
        "batyja",
        "ocsem",
        "ocsemet",
        "ocsse",
        "hugom",
        "hugomat",
        "noverem",
        "noveremet",
        "novere",
        "fiverem",
        "baratom",
        "baratomat",
        "baratja",
        "ferjemnek",
        "брат",
        "брата",
        "брату",
        "братом",
        "братья",
        "братьев",
        "сестра",
        "сестру",
        "сестры",
        "отец",
        "отца",
        "отцу",
        "отцом",
        "мать",
        "матери",
        "мама",
        "маму",
        "муж",
        "мужа",
        "мужу",
        "жена",
        "жену",
        "сын",
        "сына",
        "сыну",
        "дочь",
        "дочери",
        "дед",
        "деда",
        "друг",
        "друга",
        "другу",
        "подруга",
        "подругу",
        "подруги",
        "сосед",
        "соседа",
        "bruder",
        "schwester",
        "vater",
        "mutter",
        "sohn",
        "tochter",
        "grossvater",
        "opa",
        "freund",
        "freundin",
        "nachbar",
    ],
    prefix: &[
        "sogor",
        "ismeros",
        "nagybaty",
        "nagynen",
        "keresztap",
        "keresztany",
        "unokaocs",
        "unokahug",
        "двоюродн",
        "дяд",
        "племянн",
        "cousin",
        "onkel",
        "tante",
        "schwager",
        "neffe",
        "nichte",
        "testver",
        "unokatestver",
        "unokabaty",
        "nagyap",
        "nagyany",
        "edesap",
        "edesany",
        "felesege",
        "baratno",
        "szomszed",
        "dedush",
        "бабушк",
        "дедушк",
        "товарищ",
        "земляк",
        "сосед",
    ],
    infix: &[],
    suffix: &[],
    compiled: OnceLock::new(),
};

/// Third-person pronouns: in a sentence that also speaks of the narrator,
/// a clause with one of these is about the other person
/// (`нас разделили: его отправили … в Макеевку`).
pub(super) const THIRD_PERSON: &[&str] = &[
    "o",
    "ot",
    "oket",
    "neki",
    "nekik",
    "его",
    "ее",
    "ей",
    "ему",
    "он",
    "она",
    "они",
    "их",
    "ihn",
    "ihm",
    "er",
    // Many others (`в Сваляву многих гнали, а нашу колонну…`).
    "многих",
    "других",
    "остальных",
    "sokakat",
    "masokat",
    "tobbieket",
];

/// First-person pronouns and possessives.
pub(super) const FIRST_PERSON: &[&str] = &[
    "en",
    "engem",
    "nekem",
    "velem",
    "rolam",
    "tolem",
    "minket",
    "bennunket",
    "nekunk",
    "velunk",
    "magam",
    "magunk",
    "я",
    "мы",
    "меня",
    "нас",
    "мне",
    "нам",
    "мной",
    "нами",
    "мой",
    "моя",
    "мою",
    "мои",
    "моего",
    "моей",
    "наш",
    "наша",
    "наши",
    "нашего",
    "нашей",
    "нашем",
    "наших",
    // Every case of the possessives (`нашу колонну`, `с моими`).
    "нашу",
    "наше",
    "нашим",
    "нашими",
    "нашему",
    "мое",
    "моем",
    "моим",
    "моими",
    "моих",
    "моему",
    "ich",
    "wir",
    "mich",
    "uns",
    "mir",
    "mein",
    "meine",
    "meinen",
    "meiner",
    "unser",
    "unsere",
    "unseren",
    "unserem",
];

/// Hungarian verbs of taking (folded stems). In the definite conjugation
/// (`vitték`, `elvitték`: ending `-ták`/`-ték` before folding) their
/// object is a third person, never the speaker, who takes the indefinite
/// (`vittek minket`).
pub(super) const TAKING: &[&str] = &[
    "vitt",
    "hurcolt",
    "kuldt",
    "szallitott",
    "telepitett",
    "deportalt",
    "hajtott",
    // `a férfiakat összegyűjtötték`: gathered for taking.
    "gyujt",
];

/// Captivity and deportation words: a testimony needs several of them
/// before anything is suggested (the deportation-narrative gate).
pub(super) static CAPTIVITY: Lex = Lex {
    exact: &["tetu", "tetut", "tetvek", "вши", "вшей", "держали"],
    prefix: &[
        "borton",
        "cellak",
        "cellaba",
        "тюрем",
        "просидел",
        "lager",
        "fogoly",
        "foglyok",
        "fogolyt",
        "fogsag",
        "barakk",
        "priccs",
        "verhas",
        "tifusz",
        "norma",
        "bany",
        "vagon",
        "szogesdrot",
        "elhurcol",
        "deport",
        "internal",
        "kenyeradag",
        "лагер",
        "плен",
        "барак",
        "шахт",
        "нары",
        "нарах",
        "норм",
        "эшелон",
        "вагон",
        "депорт",
        "интерн",
        "тюрьм",
        "этап",
        "заключ",
        "дизентер",
        "тиф",
        "gefangen",
        "baracke",
        "grube",
        "waggon",
        "verschlepp",
        "ruhr",
    ],
    infix: &[
        "tabor",
        "lager",
        "fogoly",
        "foglyo",
        "fogsag",
        "bany",
        "vagon",
        "barakk",
        "лагер",
        "вагон",
        "барак",
        "шахт",
        "плен",
    ],
    suffix: &[],
    compiled: OnceLock::new(),
};

/// Summons to report (`a férfiak jelentkezzenek`, `явиться в сельсовет`,
/// `sich melden`): roundups too (see [`ROUNDUP`]), and the call of Order
/// 7161 when addressed to Germans.
pub(super) static SUMMONS: Lex = Lex {
    exact: &[
        // The subjunctive: `hogy a fiatal fiúk jöjjenek`, `a férfiak
        // jelentkezzenek`, `minden férfi menjen`.
        "jojjenek",
        "jojjon",
        "menjenek",
        "menjen",
        "jelentkezzenek",
        "jelentkezzen",
        "gyulekezzenek",
        "sorakozzanak",
        // The imperative of a patrol: `gyere, romokat takarítani`.
        "gyere",
        "gyertek",
        // `jelentkezni kell`, `minden férfinak jelentkeznie kell`.
        "jelentkezni",
        "jelentkeznie",
    ],
    prefix: &["явить", "явля", "melden"],
    infix: &[],
    suffix: &[],
    compiled: OnceLock::new(),
};

/// Roundup, arrest and capture verbs (for the date rule of the waves),
/// announcements and call-ups included (`kihirdették`, `berendeltek a
/// községházára`, `вызвали в сельсовет`); the summons to report are
/// [`SUMMONS`], counted with these.
pub(super) static ROUNDUP: Lex = Lex {
    exact: &[
        "elvittek",
        "rendeltek",
        "vezenyeltek",
        "hajtottak",
        "vittek",
        "elfogtak",
        "забрали",
        "взяли",
        "арестовали",
        "geholt",
    ],
    prefix: &[
        "kidobol",
        "kihirdet",
        "elhajt",
        "elvezett",
        "угнал",
        "угоня",
        "погнал",
        "kirendel",
        "увезли",
        "увели",
        "berendel",
        "beidez",
        "bekeret",
        "behivat",
        "вызвал",
        "вызыва",
        "мобилизов",
        "osszeszed",
        "osszeir",
        "elhurcol",
        "letartoztat",
        "fogsagba",
        "объявил",
        "мобилизац",
        "арест",
        "ausgetrommelt",
        "verhaft",
        "verschlepp",
        "kitelepit",
        "выселил",
        "выслали",
        "ausgesiedelt",
        "vertrieben",
    ],
    infix: &[],
    suffix: &[],
    compiled: OnceLock::new(),
};

/// Soldiers' words: the narrator served (for the prisoner-of-war wave).
pub(super) static SOLDIER: Lex = Lex {
    exact: &[
        "bevonultam",
        "bevonultunk",
        "behivtak",
        "katonanak",
        "frontra",
        "hadnagyunk",
        "szazadunk",
        "ezredunk",
        "utegbe",
        "fronton",
        "ezredunkkel",
        "szazadunkkal",
        "alakulatunk",
        "alakulatunkkal",
        "призвали",
        "фронте",
        "фронт",
        "полку",
        "полк",
        "служил",
        "армию",
        "армии",
        "роты",
        "eingezogen",
        "soldat",
        "kompanie",
    ],
    prefix: &[
        "kikepez",
        "tuzerseg",
        "legvedelm",
        "bevonul",
        "besoroz",
        "behivo",
        "katonakent",
        "honved",
        "tizedes",
        "orvezeto",
        "hadaprod",
        "zaszloalj",
        "alakulat",
        "frontszolgalat",
        // The uniform: `levetettük volna a mundért`.
        "munder",
        "фронтовик",
        "призван",
        "служил",
        "рядов",
        "батальон",
        "wehrmacht",
    ],
    infix: &[],
    suffix: &[],
    compiled: OnceLock::new(),
};

/// Captures: the narrator taken prisoner (with [`SOLDIER`], the
/// prisoner-of-war wave without the word `hadifogoly`).
pub(super) static CAPTURE: Lex = Lex {
    exact: &[
        "elfogtak",
        "elfogott",
        "foglyul",
        "megadtuk",
        "megadtam",
        "lefegyvereztek",
        "взяли",
        "пленили",
        "сдались",
        "сдался",
        "gefangen",
    ],
    prefix: &[
        "fogsagba",
        "fogsagban",
        "elkapt",
        "elkapot",
        "rajtakapt",
        "плен",
        "поймал",
        "схватил",
        "захватил",
        "задержал",
        "gefangenschaft",
        "festgenommen",
        "erwischt",
    ],
    infix: &[],
    suffix: &[],
    compiled: OnceLock::new(),
};

/// Tribunals: a sentence passed by one (with [`SENTENCED`]) is the Gulag
/// wave. Hungarian people's courts (`népbíróság`) are not Soviet tribunals
/// and are not here.
pub(super) static TRIBUNAL: Lex = Lex {
    exact: &[
        "tribunal",
        "oso",
        "тройка",
        "тройки",
        "тройкой",
        "trojka",
        "trojkat",
        "trojkanak",
    ],
    prefix: &[
        "torvenyszek",
        "hadbirosag",
        "hadbirosa",
        "tribunal",
        "трибунал",
        "совещани",
        "militartribunal",
        "militargericht",
    ],
    infix: &[],
    suffix: &[],
    compiled: OnceLock::new(),
};

/// Being sentenced (`elítéltek tíz évre`, `осудили`, `приговорили`,
/// `verurteilt`).
pub(super) static SENTENCED: Lex = Lex {
    exact: &["itelt", "iteltek", "itelte", "iteltem"],
    prefix: &["elitel", "осуд", "пригово", "verurteil"],
    infix: &[],
    suffix: &[],
    compiled: OnceLock::new(),
};

/// Years of a term (`tíz évet`, `huszonöt évre`, `лет`, `Jahre`).
pub(super) const YEAR_TERM: &[&str] = &["evet", "evre", "лет", "года", "годам", "jahre", "jahren"];
/// Giving a term (`kaptam`, `adtak`, `дали`, `получил`, `bekam`).
pub(super) static GIVEN: Lex = Lex {
    exact: &[
        "kaptam",
        "kaptunk",
        "adtak",
        // A court that gave: `a törvényszék huszonöt évet adott`.
        "adott",
        "дали",
        "получил",
        "получила",
        "впаяли",
        "влепили",
        "bekam",
        "bekamen",
    ],
    prefix: &["sozt", "szabtak", "itel", "приговор", "осуд"],
    infix: &[],
    suffix: &[],
    compiled: OnceLock::new(),
};

/// A legal article (`58-as paragrafus`, `статья 58`, `Paragraph 58`).
pub(super) static ARTICLE: Lex = Lex {
    exact: &["§", "pont", "пункт", "пункту"],
    prefix: &["paragraf", "cikk", "стат", "paragraph"],
    infix: &[],
    suffix: &[],
    compiled: OnceLock::new(),
};

/// German camps and the Serbian mine of Bor: the captivity of Jewish
/// labour servicemen and of deportees to Germany, not a Soviet wave.
pub(super) static GERMAN_CAMP: Lex = Lex {
    exact: &["bori", "borba", "borban", "borbol", "bergen-belsen"],
    prefix: &[
        "flossenburg",
        "dachau",
        "mauthausen",
        "auschwitz",
        "birkenau",
        "buchenwald",
        "ravensbruck",
        "belsen",
        "gunskirchen",
        "sachsenhausen",
        "dora",
    ],
    infix: &[],
    suffix: &[],
    compiled: OnceLock::new(),
};

/// Western captors (`amerikai fogság`, `англичане`, `Amerikaner`): a
/// captivity told with these and no Soviet captor was not in Soviet hands.
pub(super) static WESTERN: Lex = Lex {
    exact: &[],
    prefix: &[
        "amerikai",
        "angol",
        "brit",
        "americ",
        "американ",
        "англичан",
        "английск",
        "британ",
        "amerikan",
        "englaend",
        "britisch",
        // The French held Hungarians too (`francia fogságba estem`).
        "francia",
        "франц",
        "franzoes",
        "franzos",
    ],
    infix: &[],
    suffix: &[],
    compiled: OnceLock::new(),
};

/// Soviet captors: a captivity told with these was in Soviet hands.
pub(super) static SOVIET: Lex = Lex {
    exact: &[
        "orosz",
        "oroszok",
        "oroszokhoz",
        "ruszkik",
        "russen",
        "sowjets",
    ],
    prefix: &[
        "szovjet",
        "oroszo",
        "советск",
        "русски",
        "красноарм",
        "нквд",
        "nkvd",
        "sowjet",
        "russisch",
        "gpu",
    ],
    infix: &[],
    suffix: &[],
    compiled: OnceLock::new(),
};

/// Called up for work (`munkára`, `на работу`, `zur Arbeit`), or for a
/// chore in the infinitive (`romot takarítani`, `segíteni a vasútnál`,
/// `мост чинить`).
pub(super) static WORK_CALL: Lex = Lex {
    exact: &[
        // `a hidat kell rendbe tenni`.
        "rendbe",
        "munkara",
        "munkaba",
        "dolgozni",
        "robotra",
        "работу",
        "работы",
        "arbeit",
        "arbeiten",
    ],
    prefix: &[
        "romeltakarit",
        "helyreallit",
        // With a verbal particle: `eltakarítani a romokat`, `a hidat
        // újjáépíteni`.
        "eltakarit",
        "ujjaepit",
        "felepit",
        "kijavit",
        "megjavit",
        "takaritani",
        "pucolni",
        "javitani",
        "segiteni",
        "epiteni",
        "чинить",
        "ремонтировать",
        "восстанавливать",
        "разбирать",
        "строить",
        "трудов",
        "поработа",
        "уборк",
        "ремонт",
        "разбор",
        "восстановлен",
        "строительств",
    ],
    infix: &[],
    // A chore as a noun in the sublative, compounds included
    // (`krumpliszedésre`, `hídépítésre`). Not digging trenches: the
    // Hungarian army had the leventes dig them in 1944.
    suffix: &[
        "takaritasra",
        "szedesre",
        "epitesre",
        "javitasra",
        "rakodasra",
        "bontasra",
        "hordasra",
        "pucolasra",
        "toresre",
        "vagasra",
    ],
    compiled: OnceLock::new(),
};

/// Civilian self-description (`minket, civileket`).
pub(super) static CIVILIAN: Lex = Lex {
    exact: &[
        "civileket",
        "civilek",
        "civil",
        "civilt",
        "гражданские",
        "гражданских",
    ],
    prefix: &["zivilist"],
    infix: &[],
    suffix: &[],
    compiled: OnceLock::new(),
};
/// "Soldier", for "I was never a soldier".
pub(super) const SOLDIER_NOUN: &[&str] = &[
    "katona",
    "katonak",
    "katonanak",
    "солдатом",
    "солдат",
    "военным",
    "soldat",
];

/// Months and seasons (a number word before one is a year:
/// `negyvennégy novemberében`; in German after one: `im März
/// fünfundvierzig`, `im Herbst neunundvierzig`). The German months and
/// seasons are here too, not only the two German shares with Hungarian
/// (`Januar`, `Februar`): a German year said as a word is read only after
/// its month. Not `Mai` and `Juli`, which are also Hungarian words
/// (`a mai napig`, `Juli néni`).
pub(super) static MONTH: Lex = Lex {
    exact: &[
        "telen", "telet", "telere", "janner", "juni", "sommer", "herbst", "winter", "fruhjahr",
        "fruhling",
    ],
    prefix: &[
        "januar",
        "februar",
        "marc",
        "aprilis",
        "majus",
        "junius",
        "julius",
        "augusztus",
        "szeptember",
        "oktober",
        "november",
        "december",
        "marz",
        "april",
        "august",
        "dezember",
        "tavasz",
        "nyar",
        "osz",
        "январ",
        "феврал",
        "март",
        "апрел",
        "мая",
        "май",
        "июн",
        "июл",
        "август",
        "сентябр",
        "октябр",
        "ноябр",
        "декабр",
        "весн",
        "лет",
        "осен",
        "зим",
    ],
    infix: &[],
    suffix: &[],
    compiled: OnceLock::new(),
};

/// First World War cues (besides the years 1914–1920).
pub(super) const WWI_PHRASES: &[&[&str]] = &[
    &["elso", "vilaghaboru"],
    &["elso", "vilaghaboruban"],
    &["elso", "vilaghaborus"],
    &["nagy", "haboru"],
    &["bruszilov"],
    &["przemysl"],
    &["первой", "мировой"],
    &["первая", "мировая"],
    &["первую", "мировую"],
    &["ersten", "weltkrieg"],
    &["erster", "weltkrieg"],
];

/// Military units (hu: only with a first-person possessive, see
/// `super::waves`; ru and de: in a first-person clause): the narrator
/// served (`az ütegünk`, `a szakaszunkból`, `наш полк`, `мою роту`,
/// `я был в зенитной батарее`, `unsere Kompanie`).
pub(super) const UNIT_HU: &[&str] = &[
    "uteg",
    "zaszloalj",
    "ezred",
    "hadosztaly",
    "dandar",
    "hadtest",
    "szakasz",
    "szazad",
    "alakulat",
    "osztag",
    "hadsereg",
    "lovassag",
    "tuzerseg",
];
/// See [`UNIT_HU`]: Russian and German unit nouns.
pub(super) static UNIT: Lex = Lex {
    exact: &[
        "рота",
        "роту",
        "роты",
        "роте",
        "ротой",
        "kompanie",
        "batterie",
    ],
    prefix: &[
        "полк",
        "дивизи",
        "батаре",
        "батальон",
        "взвод",
        "эскадрон",
        "зенитн",
        "артиллери",
        "пехот",
        "регимент",
        "regiment",
        "bataillon",
        "division",
    ],
    infix: &[],
    suffix: &[],
    compiled: OnceLock::new(),
};

/// Surrender and falling into captivity, the narrator's (with a
/// first-person word): the prisoner-of-war wave whether or not the
/// narrator says he was a soldier (`fogságba estünk`, `megadtuk magunkat`,
/// `попали в плен`, `сдались`). Laying down arms and raising hands are
/// pairs, see [`WEAPON`] and [`HANDS`].
pub(super) static SURRENDER: Lex = Lex {
    exact: &[
        "megadtuk",
        "megadtam",
        "foglyul",
        "плен",
        "плену",
        "плена",
        "пленили",
        "пленен",
        "сдались",
        "сдался",
        "сдавались",
        "сдаться",
        "ergaben",
        "gefangengenommen",
    ],
    // `az oroszok kezére kerültünk`, `átálltunk az oroszokhoz`.
    prefix: &[
        "fogsagba",
        "hadifogsagba",
        "gefangenschaft",
        "kezere",
        "kezebe",
        "atallt",
        // Hands raised in one word: `kézfeltartva`.
        "kezfeltart",
    ],
    infix: &[],
    suffix: &[],
    compiled: OnceLock::new(),
};
/// Weapons, for "we laid down our arms" with [`LAY_DOWN`].
pub(super) static WEAPON: Lex = Lex {
    exact: &[],
    // The soldier's belt and pouches too (`ledobtuk a derékszíjat`).
    prefix: &[
        "fegyver",
        "puska",
        "derekszij",
        "toltenytask",
        "оружи",
        "винтовк",
        "автомат",
        "waffe",
        "gewehr",
    ],
    infix: &[],
    suffix: &[],
    compiled: OnceLock::new(),
};
/// Laying down or handing over (`letettük`, `eldobtuk`, `сложили`,
/// `сдали`, `niedergelegt`).
pub(super) static LAY_DOWN: Lex = Lex {
    exact: &[
        "niedergelegt",
        "weggeworfen",
        "geworfen",
        "hingeworfen",
        "abgegeben",
        "streckten",
    ],
    // Throwing with its verbal particles (`ledobtuk`, `belehajítottuk`,
    // `elhajítottam`).
    prefix: &[
        "ledob",
        "bedob",
        "beledob",
        "hajit",
        "elhajit",
        "behajit",
        "belehajit",
        "lehajit",
        "letet",
        "letesz",
        "lerak",
        "eldob",
        "dobt",
        "tettuk",
        "tettem",
        "leadt",
        "leadn",
        "сложил",
        "сдал",
        "бросил",
        "положил",
        "побросал",
    ],
    infix: &[],
    suffix: &[],
    compiled: OnceLock::new(),
};
/// Hands, for "we raised our hands" with [`RAISE`].
pub(super) const HANDS: &[&str] = &[
    "kezunket",
    "kezeinket",
    "kezemet",
    "kezeimet",
    "kezzel",
    "kezekkel",
    "kezunkkel",
    "руки",
    "руками",
    "hande",
];
/// Raising (`feltartott`, `felemeltük`, `подняли`, `hoch`).
pub(super) static RAISE: Lex = Lex {
    exact: &["hoch"],
    prefix: &["feltart", "feltett", "felemel", "подня", "поднят"],
    infix: &[],
    suffix: &[],
    compiled: OnceLock::new(),
};
/// Encirclement: a soldier's capture (with [`SOLDIER`] only: villages
/// were surrounded for civilian roundups too).
pub(super) static ENCIRCLED: Lex = Lex {
    exact: &[
        "korulzartak",
        "korulvettek",
        "korbevettek",
        "korbezartak",
        "eingekesselt",
    ],
    prefix: &["bekerit", "окружил", "окружени", "kessel"],
    infix: &[],
    suffix: &[],
    compiled: OnceLock::new(),
};
/// "Prisoner", of the narrator's group (`a foglyokat`, `пленных`): with a
/// first-person word, the narrator was held as a prisoner of war.
/// Compounds (`fogolytábor`) are camps, where civilians were held too.
pub(super) const PRISONER: &[&str] = &[
    "fogoly",
    "foglyok",
    "foglyokat",
    "foglyokkal",
    "foglyoknak",
    "foglyokra",
    "foglyot",
    "fogolykent",
    "foglya",
    "foglyai",
    "foglyakent",
    "hadifoglyok",
    "hadifoglyokat",
    "hadifoglyokkal",
    "пленные",
    "пленных",
    "пленными",
    "пленным",
    "kriegsgefangene",
    "gefangene",
    "gefangenen",
];

/// Gathering people (`összeszedték`, `összeírták`, `собрали`,
/// `zusammengetrieben`): a civilian roundup when the narrator is among
/// them.
pub(super) static GATHER: Lex = Lex {
    exact: &[
        "собрали",
        "собирали",
        "согнали",
        "сгоняли",
        "zusammengetrieben",
    ],
    prefix: &[
        "osszeszed",
        "osszegyujt",
        "osszeir",
        "osszefogdos",
        "osszeterel",
        "osszetereltek",
        "begyujt",
        "zusammengeholt",
    ],
    infix: &[],
    suffix: &[],
    compiled: OnceLock::new(),
};

/// German as an ethnonym (`német`, `sváb`, `немцев`, `немецкие`,
/// `deutsch`); the surname `Németh` is not.
pub(super) static GERMAN: Lex = Lex {
    exact: &[],
    prefix: &[
        "nemet",
        "svab",
        "немц",
        "немец",
        "немецк",
        "немк",
        "немок",
        "шваб",
        "deutsch",
        "schwab",
        // The Transylvanian Saxons (`Alle Sachsen von achtzehn bis
        // dreißig`, `a szászokat`).
        "sachsen",
        "szaszok",
        "саксов",
        "саксы",
    ],
    infix: &[],
    suffix: &[],
    compiled: OnceLock::new(),
};
/// Lists and registration (`listára`, `névsor`, `összeírták`, `списки`,
/// `записали`, `Liste`).
pub(super) static LIST: Lex = Lex {
    exact: &[],
    prefix: &[
        "list",
        "nevsor",
        "osszeir",
        "felir",
        "список",
        "списк",
        "записал",
        "записыв",
        "переписал",
        "liste",
        "erfass",
    ],
    infix: &[],
    suffix: &[],
    compiled: OnceLock::new(),
};
/// A name or surname (`neve`, `nevűeket`, `фамилия`, `Name`).
pub(super) static NAME: Lex = Lex {
    exact: &[
        "nev",
        "neve",
        "nevet",
        "neven",
        "nevvel",
        "nevuk",
        "nevuket",
        "nevunk",
        "nevem",
        "nevu",
        "nevuek",
        "nevueket",
        "nevuekkel",
        "nevuekre",
        "имя",
        "name",
        "namen",
    ],
    prefix: &["фамил", "имен"],
    infix: &[],
    suffix: &[],
    compiled: OnceLock::new(),
};

/// A few, for "for a few days" (`három napra`, `pár napos munkára`,
/// `на два дня`): numbers two to five and "a few", "a couple".
pub(super) const FEW_HU: &[&str] = &[
    "egy",
    "fel",
    "ket",
    "harom",
    "negy",
    "ot",
    "par",
    "nehany",
    "egypar",
    "egy-ket",
    "ket-harom",
];
/// See [`FEW_HU`].
pub(super) const FEW_RU: &[&str] = &[
    "два",
    "две",
    "три",
    "четыре",
    "пять",
    "пару",
    "несколько",
    "два-три",
];
/// Hungarian day forms of the promise: "for N days", "N days' (work)".
pub(super) const DAY_HU: &[&str] = &["napra", "napi", "napos", "naposra"];
/// Russian day forms after a number (`дня`, `дней`, Ukrainian `дні`).
pub(super) const DAY_RU: &[&str] = &["дня", "дней", "денька", "денек", "дні", "днів"];
/// Hour forms of the promise (`pár órára`, `néhány órás munka`, `на пару
/// часов`, `часа на два`).
pub(super) const HOUR_HU: &[&str] = &["orara", "oras", "orai", "orasra", "ora"];
/// See [`HOUR_HU`].
pub(super) const HOUR_RU: &[&str] = &["часа", "часов", "часик", "часика"];
/// Russian week forms after a number (`на две недели`, `на пару недель`).
pub(super) const WEEK_RU: &[&str] = &["недели", "недель", "неделю"];
/// "For a short while" (`rövid időre`, `ненадолго`, `на короткое время`).
pub(super) const SHORT_WHILE: &[&[&str]] = &[
    &["rovid", "idore"],
    &["kis", "idore"],
    &["ненадолго"],
    &["на", "денек"],
    &["на", "денька"],
    &["на", "часок"],
    &["на", "недельку"],
    // The accusative of time alone: `поработать недельку`.
    &["недельку"],
    &["на", "короткое", "время"],
    &["kurze", "zeit"],
];
/// Food (`élelem`, `еда`, `Lebensmittel`): "food for two weeks" is the
/// Order 7161 call-up, not the promise of a short work.
pub(super) static FOOD: Lex = Lex {
    exact: &[],
    prefix: &[
        "elelem",
        "elelm",
        "ennival",
        "еды",
        "еда",
        "едой",
        "еду",
        "продовольств",
        "продукт",
        "lebensmittel",
        "proviant",
    ],
    infix: &[],
    suffix: &[],
    compiled: OnceLock::new(),
};
/// Being something (for [`GERMAN_SELF`]): copulas and the pronouns that
/// stand for one in Russian (`я немка`).
pub(super) const COPULA: &[&str] = &[
    "vagyok",
    "vagyunk",
    "voltam",
    "voltunk",
    "szarmazom",
    "szarmazunk",
    "szamitottunk",
    "szamitottam",
    "я",
    "мы",
    "был",
    "была",
    "были",
    "bin",
    "sind",
    "war",
    "waren",
];

/// Germans as the object of a list (`a németeket`, `svábokat`, `németnek`
/// (registered as), `немцев`, `немок`, `швабов`, `Deutschen`).
pub(super) const GERMAN_OBJECT: &[&str] = &[
    "nemeteket",
    "nemetet",
    "svabokat",
    "svabot",
    "nemetnek",
    "svabnak",
    "немцев",
    "немок",
    "швабов",
    "немцами",
    "deutschen",
];

/// German as what the narrator is (nominative and predicative forms, with
/// a first-person word: `sváb vagyok`, `mi németek voltunk`, `я немка`,
/// `мы были немцы`). `a németekkel`, `с немцами` are the army.
pub(super) const GERMAN_SELF: &[&str] = &[
    "svab",
    "svabok",
    "svabnak",
    "nemetnek",
    "nemetek",
    "немка",
    "немец",
    "немцы",
    "немкой",
    "немцем",
    "шваб",
    "швабы",
    "schwabe",
    "schwaben",
    "deutsche",
    "deutscher",
];

/// Work, in the sentence of the promise (`munkára`, `dolgozni`,
/// `поработать`, `Arbeit`), chores and repairs included (`krumplit
/// pucolni`, `a hidat javítani`, `segíteni`, `мост чинить`, `помочь`).
pub(super) static WORK: Lex = Lex {
    // Chores in the infinitive: carrying, loading, cutting wood,
    // shovelling (`ládákat átcipelni`, `fát vágni`, `дрова рубить`).
    exact: &["vagni", "hordani", "рубить", "пилить", "носить"],
    prefix: &[
        "cipel",
        "atcipel",
        "elcipel",
        "favag",
        "rakod",
        "kirakod",
        "lapatol",
        "таскат",
        "перетаск",
        "грузит",
        "погрузит",
        "разгруж",
        "schaufel",
        "schlepp",
        "munk",
        "dolgoz",
        "robot",
        "takarit",
        "pucol",
        "hamoz",
        "javit",
        "segit",
        "epit",
        "helyreall",
        "работ",
        "чинит",
        "чинил",
        "почин",
        "ремонт",
        "строит",
        "копат",
        "убира",
        "расчища",
        "восстан",
        "помоч",
        "помога",
        "aufraeum",
        "aufraum",
        "helfen",
        "поработ",
        "arbeit",
    ],
    infix: &[],
    suffix: &[],
    compiled: OnceLock::new(),
};

/// Ranks (hu, ru, de): `főhadnagy voltam`, `a hadnagyunk`, `я был
/// сержантом`. A rank is the narrator's only as a predicate with a
/// copula or with a first-person possessive (`egy orosz hadnagy vitt el
/// minket` is the captor's), see `super::waves`.
pub(super) const RANK_HU: &[&str] = &[
    "fohadnagy",
    "hadnagy",
    "szazados",
    "ornagy",
    "ezredes",
    "ormester",
    "szakaszvezeto",
    "tizedes",
    "orvezeto",
    "zaszlos",
    "hadaprod",
    "kozlegeny",
    "tiszthelyettes",
    "tuzer",
    "huszar",
    "utasz",
    "baka",
    "honved",
];
/// Russian and German ranks, in the instrumental of `был`/`служил`
/// (`был сержантом`, `служил рядовым`) or the German predicate.
pub(super) static RANK: Lex = Lex {
    exact: &[
        "рядовым",
        "солдатом",
        "gefreiter",
        "unteroffizier",
        "leutnant",
        "feldwebel",
    ],
    prefix: &[
        "лейтенант",
        "сержант",
        "ефрейтор",
        "старшин",
        "капитаном",
        "майором",
        "офицером",
        "oberleutnant",
    ],
    infix: &[],
    suffix: &[],
    compiled: OnceLock::new(),
};
/// Copulas and verbs of serving, for a rank (`voltam`, `был`, `служил`,
/// `lettem`, `war`).
pub(super) const SERVED: &[&str] = &[
    "voltam",
    "voltunk",
    "lettem",
    "szolgaltam",
    "был",
    "были",
    "служил",
    "служили",
    "стал",
    "war",
    "waren",
    "diente",
];

/// Tying the hands (`hátrakötötték a kezünket`, `связали руки`): a
/// soldier's capture, with [`HANDS`].
pub(super) static TIE: Lex = Lex {
    exact: &["gefesselt"],
    prefix: &[
        "hatrakot",
        "osszekot",
        "megkotoz",
        "kotozt",
        "связал",
        "скрутил",
    ],
    infix: &[],
    suffix: &[],
    compiled: OnceLock::new(),
};

/// Announcements and beliefs that carry the promise of a short work
/// (`kihirdették`, `a kisbíró a dobbal`, `azt hittük`, `ígérték`,
/// `объявили`, `думали`, `обещали`), besides [`SPEECH`].
pub(super) static PROMISE: Lex = Lex {
    exact: &[
        "dobbal",
        "hittuk",
        "hitte",
        "hittem",
        "hittek",
        "gondoltuk",
        "gondolta",
        "gondoltam",
        "думали",
        "думал",
        "думала",
        "говорили",
        "сказал",
        "сказала",
        "объявил",
        "glaubten",
        "dachten",
        "hiess",
    ],
    prefix: &[
        "kihirdet",
        "hirdett",
        "kidobol",
        "dobolt",
        "kisbiro",
        "igert",
        "megigert",
        "объяв",
        "обеща",
        "versproch",
    ],
    infix: &[],
    suffix: &[],
    compiled: OnceLock::new(),
};

/// The same day, in a promise (`délre végzünk`, `estére itthon lesztek`,
/// `до вечера`, `к обеду`, `bis zum Abend`): see `super::waves`.
pub(super) const SAME_DAY: &[&[&str]] = &[
    // Home by a day of this week (`szombatra itthon lesztek`, `до
    // воскресенья отпустят`, `bis Sonntag`).
    &["szombatra"],
    &["vasarnapra"],
    &["hetfore"],
    &["до", "воскресенья"],
    &["до", "субботы"],
    &["до", "понедельника"],
    &["bis", "sonntag"],
    &["bis", "samstag"],
    &["delre"],
    &["estere"],
    // `este mehetsz haza` (with home said).
    &["este"],
    &["вечером"],
    &["estig"],
    &["delig"],
    &["reggelig"],
    &["reggelre"],
    &["holnapra"],
    &["masnapra"],
    &["к", "утру"],
    &["delutanra"],
    &["ejszakara"],
    &["к", "вечеру"],
    &["до", "вечера"],
    &["к", "обеду"],
    &["до", "обеда"],
    &["bis", "zum", "abend"],
    &["bis", "abends"],
];
/// Home, in a promise of return, as word beginnings (`itthon lesztek`,
/// `hazamehettek`, `по домам`, `отпустят`, `вернётесь`, `nach Hause`).
pub(super) const HOME_AGAIN: &[&str] = &[
    "haza",
    "itthon",
    "otthon",
    "домам",
    "домой",
    "отпуст",
    "вернет",
    "вернут",
    "hause",
];

/// A pretext of the roundup: a document check or a few questions, and the
/// particles that mark what was said as a pretext (`igazoltatás`, `на
/// проверку документов`, `будто бы`, `якобы`, `állítólag`, `mondván`,
/// `angeblich`).
pub(super) static PRETEXT: Lex = Lex {
    exact: &[
        "будто",
        "якобы",
        "allitolag",
        "mondvan",
        "angeblich",
        "vorgeblich",
    ],
    // `igazolásért`: a certificate to fetch.
    prefix: &[
        "igazoltat",
        "igazolas",
        "проверк",
        "urugy",
        "регистрац",
        "kontroll",
    ],
    infix: &[],
    suffix: &[],
    compiled: OnceLock::new(),
};

/// Captors who were not Soviet, in a roundup sentence: the Arrow Cross,
/// the gendarmes, the SS and the Gestapo (`a nyilasok összeszedtek`,
/// `a csendőrök azt mondták, pár napra`, `жандармы`, `Gendarmen`).
pub(super) static OTHER_CAPTOR: Lex = Lex {
    exact: &["ss", "ss-ek", "ss-esek"],
    prefix: &[
        "nyilas",
        "csendor",
        "gestapo",
        "zsandar",
        "жандарм",
        "гестапо",
        "gendarm",
        "pfeilkreuz",
    ],
    infix: &[],
    suffix: &[],
    compiled: OnceLock::new(),
};

/// Court, trial and verdict (`bíróság`, `tárgyalás`, `ítélet`, `суд`,
/// `приговор`, `Urteil`): a term in the nominative (`tíz év`) near one is a
/// verdict.
pub(super) static COURT: Lex = Lex {
    exact: &[
        "суд",
        "суда",
        "суде",
        "судом",
        "судили",
        "судить",
        "срок",
        "срока",
        "сроку",
        "gericht",
        // The judge (`sose láttam bírót … tizenöt év`).
        "biro",
        "birot",
        "birok",
        "судья",
        "судью",
        "richter",
    ],
    prefix: &[
        "birosag",
        "buntetes",
        "targyalas",
        "itelet",
        "iteltek",
        "elitel",
        "приговор",
        "осуд",
        "трибунал",
        "tribunal",
        "torvenyszek",
        "hadbirosag",
        "urteil",
        "verurteil",
    ],
    infix: &[],
    suffix: &[],
    compiled: OnceLock::new(),
};

/// Words of time after a count of years that make it no term (`tíz év
/// múlva`, `három év után`, `десять лет спустя`).
pub(super) const YEARS_LATER: &[&str] = &[
    "mulva",
    "utan",
    "utana",
    "alatt",
    "ota",
    "telt",
    "mult",
    "mulott",
    "kesobb",
    "elott",
    "mulvan",
    "спустя",
    "назад",
    "spater",
];

/// Recording and writing down: a year of the 1970s or later in a sentence
/// with these (`ezt 1989-ben mondom magnóra`, `пишу это в 1995 году`) is
/// the time of the telling, not of the story (see [`super::era`]). Not
/// `mondom` ("I tell you"), a filler of speech. The interview's framing
/// counts too (`2003-ban beszélgetünk`, `интервью записано в 1998 году`).
pub(super) static TELLING: Lex = Lex {
    exact: &["irom", "leirom", "записываю", "пишу", "schreibe"],
    prefix: &[
        "magnora",
        "magnoba",
        // Typed up from a notebook (`2003-ban gépeltem le`).
        "gepel",
        "legepel",
        "interju",
        "felvetel",
        "rogzit",
        "beszelget",
        "интервью",
        "бесед",
        "запис",
        "magnetofon",
        "magnoszalag",
        "kazettara",
        "diktafon",
        "магнитофон",
        "диктофон",
        "кассет",
        "tonband",
    ],
    infix: &[],
    suffix: &[],
    compiled: OnceLock::new(),
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_compiles_and_matches_as_its_words_say() {
        let all: [&Lex; 49] = [
            &CAMP,
            &DESTINATION,
            &BUILDING,
            &GUARDING,
            &BORDER,
            &TRAIN,
            &STOP,
            &DISTANCE,
            &TAKEN,
            &HOME,
            &HEARSAY,
            &SPEECH,
            &OBJECTS,
            &GOODS,
            &KIN,
            &CAPTIVITY,
            &SUMMONS,
            &ROUNDUP,
            &SOLDIER,
            &CAPTURE,
            &TRIBUNAL,
            &SENTENCED,
            &GIVEN,
            &ARTICLE,
            &GERMAN_CAMP,
            &WESTERN,
            &SOVIET,
            &WORK_CALL,
            &CIVILIAN,
            &MONTH,
            &UNIT,
            &SURRENDER,
            &WEAPON,
            &LAY_DOWN,
            &RAISE,
            &ENCIRCLED,
            &GATHER,
            &GERMAN,
            &LIST,
            &NAME,
            &FOOD,
            &WORK,
            &RANK,
            &TIE,
            &PROMISE,
            &PRETEXT,
            &OTHER_CAPTOR,
            &COURT,
            &TELLING,
        ];
        for lex in all {
            assert!(lex.compiles());
            for &w in lex.exact {
                assert!(lex.has(w), "{w}");
            }
            for &p in lex.prefix {
                assert!(lex.has(p), "{p}");
                assert!(lex.has(&format!("{p}ban")), "{p}ban");
            }
            for &i in lex.infix {
                assert!(lex.has(&format!("vas{i}ban")), "vas{i}ban");
            }
            for &x in lex.suffix {
                assert!(lex.has(&format!("teher{x}")), "teher{x}");
            }
        }
        // A prefix matches only at the start of the word.
        assert!(CAMP.has("fogdaban"));
        assert!(!CAMP.has("xfogda"));
    }

    #[test]
    fn lists_match_folded_words() {
        assert!(CAMP.has("gyujtotaborba"));
        assert!(CAMP.has("лагере"));
        assert!(DESTINATION.has("atvittek"));
        assert!(!DESTINATION.has("vittem"));
        assert!(KIN.has("sogoromat"));
        assert!(OBJECTS.has("festmenyek"));
        assert!(!CAMP.has("munkara"));
        // Compounds on their last member, derivations.
        assert!(DESTINATION.has("vasercbanyaban"));
        assert!(CAPTIVITY.has("tehervagonban"));
        assert!(CAMP.has("marhavagonokba"));
        assert!(!CAMP.has("marhavagonban"));
        assert!(CAMP.has("atvagoniroztak"));
        assert!(CAMP.has("hadifogolytaborban"));
        assert!(CAPTIVITY.has("спецлагерь"));
    }
}

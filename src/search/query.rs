//! The query language: parsing text into a [`Query`] tree.
//!
//! ```text
//! query   = or
//! or      = and { ("OR" | "VAGY" | "|") and }
//! and     = unary { ["AND" | "ÉS"] unary }          (juxtaposition is AND)
//! unary   = ("NOT" | "NEM" | "-") unary | primary
//! primary = "(" or ")" | field ":" value | '"' words '"' | word
//! word    = letters [ "*" ] [ "~" [ "1" | "2" ] ]
//! ```
//!
//! AND, NOT and juxtaposition at the top level apply to *testimonies*: a
//! testimony matches `Foksány AND Kazany` when both occur in it, in any
//! passages, and `tábor -Foksány` excludes testimonies that mention
//! Foksány anywhere. Phrases and single words match within a passage;
//! `lang:` and `speaker:` restrict the passages considered.
//!
//! `word*` is a prefix (at least two letters), `word~` a fuzzy match within
//! edit distance 1 (2 with `~2`, at most 2). Fields: `region`, `wave`,
//! `transit` (`transit_camp`), `place`, `lang`, `speaker`, `id`.
//! Operators are upper case; `and`/`or`/`not` in lower case are words.

use std::fmt;

/// A parsed query.
#[derive(Debug, Clone, PartialEq)]
pub enum Query {
    /// A word, possibly prefix or fuzzy.
    Word(WordQuery),
    /// A quoted phrase (at least two words; one word becomes a `Word`).
    Phrase(Vec<String>),
    /// `field:value`.
    Field(String, String),
    /// All of these.
    And(Vec<Query>),
    /// Any of these.
    Or(Vec<Query>),
    /// Not this.
    Not(Box<Query>),
}

/// A single search word.
#[derive(Debug, Clone, PartialEq)]
pub struct WordQuery {
    /// The word as typed.
    pub text: String,
    /// `word*`.
    pub prefix: bool,
    /// `word~N`: maximum edit distance.
    pub fuzzy: Option<u8>,
}

/// A query that cannot be parsed, with the character column (1-based).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct QueryError {
    /// 1-based character column.
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "invalid query at column {}: {}",
            self.column, self.message
        )
    }
}

/// Fields accepted before a colon.
pub const FIELDS: &[&str] = &[
    "region",
    "wave",
    "transit",
    "transit_camp",
    "place",
    "lang",
    "speaker",
    "id",
];

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Word(String),
    Phrase(Vec<String>),
    Field(String, String),
    And,
    Or,
    Not,
    Open,
    Close,
}

/// Parses a query.
pub fn parse(input: &str) -> Result<Query, QueryError> {
    let toks = lex(input)?;
    if toks.is_empty() {
        return Err(QueryError {
            column: 1,
            message: "the query is empty".into(),
        });
    }
    let mut p = Parser {
        toks,
        pos: 0,
        end: input.chars().count() + 1,
        depth: 0,
    };
    let q = p.or()?;
    if let Some((t, col)) = p.toks.get(p.pos) {
        let message = match t {
            Tok::Close => "unmatched `)`".to_string(),
            _ => "unexpected text".to_string(),
        };
        return Err(QueryError {
            column: *col,
            message,
        });
    }
    Ok(q)
}

fn lex(input: &str) -> Result<Vec<(Tok, usize)>, QueryError> {
    let chars: Vec<char> = input.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let col = i + 1;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        match c {
            '(' => {
                out.push((Tok::Open, col));
                i += 1;
            }
            ')' => {
                out.push((Tok::Close, col));
                i += 1;
            }
            '"' | '“' | '”' | '„' | '«' | '»' => {
                let mut j = i + 1;
                while j < chars.len() && !matches!(chars[j], '"' | '“' | '”' | '»') {
                    j += 1;
                }
                if j >= chars.len() {
                    return Err(QueryError {
                        column: col,
                        message: "unclosed quote".into(),
                    });
                }
                let inner: String = chars[i + 1..j].iter().collect();
                let words: Vec<String> = crate::analysis::words(&inner)
                    .map(|w| w.text.to_string())
                    .collect();
                if words.is_empty() {
                    return Err(QueryError {
                        column: col,
                        message: "empty phrase".into(),
                    });
                }
                out.push((Tok::Phrase(words), col));
                i = j + 1;
            }
            '-' if chars.get(i + 1).is_some_and(|n| !n.is_whitespace()) && starts_term(&out) => {
                out.push((Tok::Not, col));
                i += 1;
            }
            '|' => {
                out.push((Tok::Or, col));
                i += 1;
            }
            _ => {
                let mut j = i;
                while j < chars.len()
                    && !chars[j].is_whitespace()
                    && !matches!(chars[j], '(' | ')' | '"')
                {
                    j += 1;
                }
                let raw: String = chars[i..j].iter().collect();
                i = j;
                match raw.as_str() {
                    "AND" | "ÉS" | "&&" => out.push((Tok::And, col)),
                    "OR" | "VAGY" | "||" => out.push((Tok::Or, col)),
                    "NOT" | "NEM" => out.push((Tok::Not, col)),
                    _ => {
                        if let Some((field, value)) = split_field(&raw) {
                            let field_lc = field.to_lowercase();
                            if !FIELDS.contains(&field_lc.as_str()) {
                                let hint =
                                    crate::suggest::did_you_mean(&field_lc, FIELDS.iter().copied())
                                        .map(|s| format!(" (did you mean `{s}:`?)"))
                                        .unwrap_or_default();
                                return Err(QueryError {
                                    column: col,
                                    message: format!(
                                        "unknown field `{field}:`{hint}; fields are {}",
                                        FIELDS.join(", ")
                                    ),
                                });
                            }
                            let value = if value.is_empty() {
                                // `region:"Donyec-medence"`: the value is quoted.
                                if chars.get(i) == Some(&'"') {
                                    let mut k = i + 1;
                                    while k < chars.len() && chars[k] != '"' {
                                        k += 1;
                                    }
                                    if k >= chars.len() {
                                        return Err(QueryError {
                                            column: i + 1,
                                            message: "unclosed quote".into(),
                                        });
                                    }
                                    let v: String = chars[i + 1..k].iter().collect();
                                    i = k + 1;
                                    v
                                } else {
                                    return Err(QueryError {
                                        column: col,
                                        message: format!("`{field}:` needs a value"),
                                    });
                                }
                            } else {
                                value.to_string()
                            };
                            out.push((Tok::Field(field_lc, value.trim().to_string()), col));
                        } else {
                            out.push((Tok::Word(raw), col));
                        }
                    }
                }
            }
        }
    }
    Ok(out)
}

/// A `-` is negation only where a term may start (not inside `a-b`).
fn starts_term(prev: &[(Tok, usize)]) -> bool {
    !matches!(prev.last(), Some((Tok::Not, _)))
}

fn split_field(raw: &str) -> Option<(&str, &str)> {
    let (f, v) = raw.split_once(':')?;
    (!f.is_empty() && f.chars().all(|c| c.is_alphabetic() || c == '_')).then_some((f, v))
}

struct Parser {
    toks: Vec<(Tok, usize)>,
    pos: usize,
    /// The column just after the input, for "ends too early" errors.
    end: usize,
    /// Parentheses and `NOT`s open around the current position.
    depth: usize,
}

/// At most this many parentheses and `NOT`s may nest: the parser and the
/// compiler recurse on them, and a query must not exhaust the stack (a
/// server thread's is small).
pub const MAX_NESTING: usize = 64;

impl Parser {
    /// Enters one more level of nesting at `col`, or refuses.
    fn nest(&mut self, col: usize) -> Result<(), QueryError> {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            return Err(QueryError {
                column: col,
                message: format!(
                    "the query nests too deeply (at most {MAX_NESTING} parentheses and NOTs)"
                ),
            });
        }
        Ok(())
    }

    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos).map(|(t, _)| t)
    }

    fn column(&self) -> usize {
        self.toks.get(self.pos).map_or(self.end, |(_, c)| *c)
    }

    fn or(&mut self) -> Result<Query, QueryError> {
        let mut parts = vec![self.and()?];
        while self.peek() == Some(&Tok::Or) {
            self.pos += 1;
            if matches!(self.peek(), None | Some(Tok::Close | Tok::Or | Tok::And)) {
                return Err(QueryError {
                    column: self.column(),
                    message: "`OR` needs a term after it".into(),
                });
            }
            parts.push(self.and()?);
        }
        Ok(if parts.len() == 1 {
            parts.remove(0)
        } else {
            Query::Or(parts)
        })
    }

    fn and(&mut self) -> Result<Query, QueryError> {
        let mut parts = vec![self.unary()?];
        loop {
            match self.peek() {
                Some(Tok::And) => {
                    self.pos += 1;
                    if matches!(self.peek(), None | Some(Tok::Close | Tok::Or | Tok::And)) {
                        return Err(QueryError {
                            column: self.column(),
                            message: "`AND` needs a term after it".into(),
                        });
                    }
                    parts.push(self.unary()?);
                }
                Some(Tok::Word(_) | Tok::Phrase(_) | Tok::Field(..) | Tok::Not | Tok::Open) => {
                    parts.push(self.unary()?)
                }
                _ => break,
            }
        }
        Ok(if parts.len() == 1 {
            parts.remove(0)
        } else {
            Query::And(parts)
        })
    }

    fn unary(&mut self) -> Result<Query, QueryError> {
        if self.peek() == Some(&Tok::Not) {
            self.pos += 1;
            if matches!(self.peek(), None | Some(Tok::Close | Tok::Or | Tok::And)) {
                return Err(QueryError {
                    column: self.column(),
                    message: "`NOT` needs a term after it".into(),
                });
            }
            self.nest(self.column())?;
            let inner = self.unary()?;
            self.depth -= 1;
            return Ok(Query::Not(Box::new(inner)));
        }
        self.primary()
    }

    fn primary(&mut self) -> Result<Query, QueryError> {
        let col = self.column();
        let Some((tok, _)) = self.toks.get(self.pos).cloned() else {
            return Err(QueryError {
                column: col,
                message: "the query ends where a term was expected".into(),
            });
        };
        self.pos += 1;
        match tok {
            Tok::Open => {
                if self.peek() == Some(&Tok::Close) {
                    return Err(QueryError {
                        column: col,
                        message: "empty parentheses".into(),
                    });
                }
                self.nest(col)?;
                let q = self.or()?;
                self.depth -= 1;
                if self.peek() != Some(&Tok::Close) {
                    return Err(QueryError {
                        column: col,
                        message: "unclosed `(`".into(),
                    });
                }
                self.pos += 1;
                Ok(q)
            }
            Tok::Close => Err(QueryError {
                column: col,
                message: "unmatched `)`".into(),
            }),
            Tok::Phrase(words) if words.len() == 1 => Ok(Query::Word(WordQuery {
                text: words[0].clone(),
                prefix: false,
                fuzzy: None,
            })),
            Tok::Phrase(words) => Ok(Query::Phrase(words)),
            Tok::Field(f, v) => Ok(Query::Field(f, v)),
            Tok::Word(raw) => word(&raw, col),
            Tok::And | Tok::Or | Tok::Not => Err(QueryError {
                column: col,
                message: "an operator where a term was expected".into(),
            }),
        }
    }
}

fn word(raw: &str, col: usize) -> Result<Query, QueryError> {
    let (body, fuzzy) = match raw.rfind('~') {
        Some(i) => {
            let d = &raw[i + 1..];
            let dist = match d {
                "" => 1,
                "1" => 1,
                "2" => 2,
                _ => {
                    return Err(QueryError {
                        column: col,
                        message: format!(
                            "fuzzy distance `~{d}` must be 1 or 2 (e.g. `Foksány~` or `Foksány~2`)"
                        ),
                    });
                }
            };
            (&raw[..i], Some(dist))
        }
        None => (raw, None),
    };
    let (body, prefix) = match body.strip_suffix('*') {
        Some(b) => (b, true),
        None => (body, false),
    };
    if prefix && fuzzy.is_some() {
        return Err(QueryError {
            column: col,
            message: "a word cannot be both a prefix (`*`) and fuzzy (`~`)".into(),
        });
    }
    if body.contains('*') {
        return Err(QueryError {
            column: col,
            message: "`*` is only allowed at the end of a word".into(),
        });
    }
    let words: Vec<&str> = crate::analysis::words(body).map(|w| w.text).collect();
    match words.as_slice() {
        [] => Err(QueryError {
            column: col,
            message: if prefix {
                "`*` needs letters before it".into()
            } else {
                format!("`{raw}` has no letters or digits to search for")
            },
        }),
        [w] => {
            if prefix && w.chars().count() < 2 {
                return Err(QueryError {
                    column: col,
                    message: "a prefix needs at least two letters (`de*`)".into(),
                });
            }
            Ok(Query::Word(WordQuery {
                text: w.to_string(),
                prefix,
                fuzzy,
            }))
        }
        // `Donyec-medence`, `1945-ben`: several words typed as one are a phrase.
        many if !prefix && fuzzy.is_none() => {
            Ok(Query::Phrase(many.iter().map(|s| s.to_string()).collect()))
        }
        _ => Err(QueryError {
            column: col,
            message: format!("`{raw}`: `*` and `~` apply to a single word"),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> Query {
        Query::Word(WordQuery {
            text: s.into(),
            prefix: false,
            fuzzy: None,
        })
    }

    #[test]
    fn precedence_and_defaults() {
        assert_eq!(
            parse("tábor Foksány").unwrap(),
            Query::And(vec![w("tábor"), w("Foksány")])
        );
        assert_eq!(
            parse("a OR b c").unwrap(),
            Query::Or(vec![w("a"), Query::And(vec![w("b"), w("c")])])
        );
        assert_eq!(parse("NOT a").unwrap(), Query::Not(Box::new(w("a"))));
        assert_eq!(
            parse("tábor -Foksány").unwrap(),
            Query::And(vec![w("tábor"), Query::Not(Box::new(w("Foksány")))])
        );
        assert_eq!(
            parse("(a OR b) AND c").unwrap(),
            Query::And(vec![Query::Or(vec![w("a"), w("b")]), w("c")])
        );
        assert_eq!(
            parse("and or not").unwrap(),
            Query::And(vec![w("and"), w("or"), w("not")])
        );
    }

    #[test]
    fn phrases_prefix_fuzzy_fields() {
        assert_eq!(
            parse("\"három napi munkára\"").unwrap(),
            Query::Phrase(vec!["három".into(), "napi".into(), "munkára".into()])
        );
        assert_eq!(
            parse("„málenkij robot”").unwrap(),
            Query::Phrase(vec!["málenkij".into(), "robot".into()])
        );
        assert_eq!(
            parse("depor*").unwrap(),
            Query::Word(WordQuery {
                text: "depor".into(),
                prefix: true,
                fuzzy: None
            })
        );
        assert_eq!(
            parse("Foksáni~").unwrap(),
            Query::Word(WordQuery {
                text: "Foksáni".into(),
                prefix: false,
                fuzzy: Some(1)
            })
        );
        assert_eq!(
            parse("Sztalinó~2").unwrap(),
            Query::Word(WordQuery {
                text: "Sztalinó".into(),
                prefix: false,
                fuzzy: Some(2)
            })
        );
        assert_eq!(
            parse("region:urals").unwrap(),
            Query::Field("region".into(), "urals".into())
        );
        assert_eq!(
            parse("region:\"Donyec-medence\"").unwrap(),
            Query::Field("region".into(), "Donyec-medence".into())
        );
        assert_eq!(
            parse("Donyec-medence").unwrap(),
            Query::Phrase(vec!["Donyec".into(), "medence".into()])
        );
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        let ok = format!(
            "{}tábor{}",
            "(".repeat(MAX_NESTING),
            ")".repeat(MAX_NESTING)
        );
        assert!(parse(&ok).is_ok());
        let deep = format!("{}tábor{}", "(".repeat(5000), ")".repeat(5000));
        let e = parse(&deep).unwrap_err();
        assert_eq!(e.column, MAX_NESTING + 1);
        assert!(e.message.contains("nests too deeply"), "{}", e.message);
        let nots = format!("{}tábor", "NOT ".repeat(5000));
        assert!(
            parse(&nots)
                .unwrap_err()
                .message
                .contains("nests too deeply")
        );
    }

    #[test]
    fn malformed_queries_are_errors_with_columns() {
        for (q, col, needle) in [
            ("", 1, "empty"),
            ("\"három napi", 1, "unclosed quote"),
            ("(tábor", 1, "unclosed `(`"),
            ("tábor)", 6, "unmatched `)`"),
            ("tábor AND", 10, "AND"),
            ("OR tábor", 1, "operator"),
            ("NOT", 4, "NOT"),
            ("a*", 1, "two letters"),
            ("*", 1, "needs letters"),
            ("tá*bor", 1, "end of a word"),
            ("tábor~3", 1, "1 or 2"),
            ("regio:urals", 1, "did you mean `region:`"),
            ("region:", 1, "needs a value"),
            ("()", 1, "empty parentheses"),
            ("„„", 1, "unclosed"),
            ("!!!", 1, "no letters"),
        ] {
            let e = parse(q).unwrap_err();
            assert_eq!(e.column, col, "{q}: {e}");
            assert!(e.message.contains(needle), "{q}: {e}");
        }
    }
}

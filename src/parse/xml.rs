//! A small element tree over `quick-xml`, with the line of every element,
//! for formats that are XML documents (OHMS). Namespaces are ignored: an
//! element is known by its local name. Entities and character references
//! are resolved; a syntax error, an unknown entity or an element left open
//! is a [`ParseError`] with its line.

use quick_xml::Reader;
use quick_xml::events::Event;

use super::ParseError;

/// An XML element.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Element {
    /// Local name (`record`, not `ohms:record`).
    pub name: String,
    /// Attributes by local name, unescaped.
    pub attrs: Vec<(String, String)>,
    /// Child elements, in order.
    pub children: Vec<Element>,
    /// The text directly inside this element (CDATA included), joined.
    pub text: String,
    /// 1-based line of the start tag.
    pub line: usize,
    /// 1-based line where the element's text starts.
    pub text_line: usize,
}

impl Element {
    /// The first child called `name`.
    pub fn child(&self, name: &str) -> Option<&Element> {
        self.children.iter().find(|c| c.name == name)
    }

    /// Every child called `name`.
    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> + 'a {
        self.children.iter().filter(move |c| c.name == name)
    }

    /// The trimmed text of the first child called `name`, if not empty.
    pub fn text_of(&self, name: &str) -> Option<String> {
        self.child(name)
            .map(|c| c.text.trim().to_string())
            .filter(|t| !t.is_empty())
    }

    /// An attribute's value.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

fn local(name: &[u8]) -> String {
    let s = String::from_utf8_lossy(name);
    match s.rsplit_once(':') {
        Some((_, l)) => l.to_string(),
        None => s.into_owned(),
    }
}

fn local_str(name: &str) -> String {
    local(name.as_bytes())
}

/// Line number (1-based) of byte offset `pos` in `text`.
pub(crate) fn line_at(text: &str, pos: usize) -> usize {
    let pos = pos.min(text.len());
    text.as_bytes()[..pos]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// [`line_at`] for offsets that mostly grow: counts only the newlines
/// since the last offset asked, so a large document is not read again for
/// every element.
struct Lines<'a> {
    text: &'a str,
    pos: usize,
    line: usize,
}

impl Lines<'_> {
    fn at(&mut self, pos: usize) -> usize {
        let pos = pos.min(self.text.len());
        if pos < self.pos {
            self.pos = 0;
            self.line = 1;
        }
        self.line += self.text.as_bytes()[self.pos..pos]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        self.pos = pos;
        self.line
    }
}

/// Parses a whole document and returns its root element.
pub(crate) fn parse_document(text: &str) -> Result<Element, ParseError> {
    let mut reader = Reader::from_str(text);
    reader.config_mut().check_end_names = true;
    let mut stack: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    let mut lines = Lines {
        text,
        pos: 0,
        line: 1,
    };
    loop {
        let before = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        let event = reader.read_event().map_err(|e| {
            let pos = usize::try_from(reader.error_position()).unwrap_or(text.len());
            ParseError::new(line_at(text, pos), format!("broken XML: {e}"))
        })?;
        // The event starts at the first non-blank byte after `before`.
        let start = text.get(before..).map_or(before, |rest| {
            before + (rest.len() - rest.trim_start().len())
        });
        match event {
            Event::Start(ref e) | Event::Empty(ref e) if root.is_some() && stack.is_empty() => {
                let name = local_str(e.name().as_ref());
                return Err(ParseError::new(
                    line_at(text, start),
                    format!("broken XML: a second root element <{name}> after the document ended"),
                ));
            }
            Event::Start(e) => {
                if stack.len() >= crate::limits::MAX_XML_DEPTH {
                    return Err(ParseError::new(
                        lines.at(start),
                        format!(
                            "XML nested deeper than {} elements; tanu does not read it",
                            crate::limits::MAX_XML_DEPTH
                        ),
                    ));
                }
                let el = element(&e, lines.at(start))?;
                stack.push(el);
            }
            Event::Empty(e) => {
                let el = element(&e, lines.at(start))?;
                match stack.last_mut() {
                    Some(parent) => parent.children.push(el),
                    None => root = Some(el),
                }
            }
            Event::End(_) => {
                let Some(done) = stack.pop() else {
                    return Err(ParseError::new(
                        line_at(text, start),
                        "broken XML: a closing tag without an opening one",
                    ));
                };
                match stack.last_mut() {
                    Some(parent) => parent.children.push(done),
                    None => root = Some(done),
                }
            }
            Event::Text(t) => {
                if let Some(cur) = stack.last_mut() {
                    push_text(cur, &t.xml10_content(), &mut lines, before);
                } else if !t.trim().is_empty() {
                    return Err(ParseError::new(
                        line_at(text, start),
                        "broken XML: text outside the root element",
                    ));
                }
            }
            Event::CData(t) => {
                if let Some(cur) = stack.last_mut() {
                    // `<![CDATA[` is 9 bytes long.
                    push_text(cur, &t.xml10_content(), &mut lines, before + 9);
                }
            }
            Event::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    Ok(None) => match &*r.xml10_content() {
                        "amp" => "&".into(),
                        "lt" => "<".into(),
                        "gt" => ">".into(),
                        "quot" => "\"".into(),
                        "apos" => "'".into(),
                        other => {
                            return Err(ParseError::new(
                                line_at(text, start),
                                format!("broken XML: unknown entity &{other};"),
                            ));
                        }
                    },
                    Err(e) => {
                        return Err(ParseError::new(
                            line_at(text, start),
                            format!("broken XML: bad character reference: {e}"),
                        ));
                    }
                };
                if let Some(cur) = stack.last_mut() {
                    push_text(cur, &resolved, &mut lines, before);
                }
            }
            Event::Eof => break,
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) | Event::DocType(_) => {}
        }
    }
    if let Some(open) = stack.last() {
        return Err(ParseError::new(
            open.line,
            format!(
                "broken XML: <{}> is never closed (the file ends at line {})",
                open.name,
                line_at(text, text.len())
            ),
        ));
    }
    root.ok_or_else(|| ParseError::new(1, "broken XML: no root element"))
}

fn push_text(el: &mut Element, s: &str, lines: &mut Lines<'_>, pos: usize) {
    if el.text.is_empty() {
        el.text_line = lines.at(pos);
    }
    el.text.push_str(s);
}

fn element(e: &quick_xml::events::BytesStart<'_>, line: usize) -> Result<Element, ParseError> {
    let mut attrs = Vec::new();
    for a in e.attributes() {
        let a = a.map_err(|err| ParseError::new(line, format!("broken XML attribute: {err}")))?;
        let value = a
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map_err(|err| ParseError::new(line, format!("broken XML attribute: {err}")))?;
        attrs.push((local_str(a.key.as_ref()), value.into_owned()));
    }
    Ok(Element {
        name: local_str(e.name().as_ref()),
        attrs,
        children: Vec::new(),
        text: String::new(),
        line,
        text_line: line,
    })
}

/// Escapes text for XML element content and attribute values, dropping
/// characters XML 1.0 cannot carry (C0 controls other than tab and line
/// breaks, U+FFFE, U+FFFF).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tree_with_lines_entities_and_cdata() {
        let doc = "<?xml version=\"1.0\"?>\n<ROOT xmlns=\"x\">\n  <record id=\"7\">\n    <title>Kő &amp; kereszt &#x151;</title>\n    <t><![CDATA[a <b> c]]></t>\n    <e/>\n  </record>\n</ROOT>\n";
        let root = parse_document(doc).unwrap();
        assert_eq!(root.name, "ROOT");
        let rec = root.child("record").unwrap();
        assert_eq!(rec.line, 3);
        assert_eq!(rec.attr("id"), Some("7"));
        assert_eq!(rec.text_of("title").as_deref(), Some("Kő & kereszt ő"));
        assert_eq!(rec.child("title").unwrap().line, 4);
        assert_eq!(rec.text_of("t").as_deref(), Some("a <b> c"));
        assert!(rec.child("e").is_some());
    }

    #[test]
    fn broken_documents_name_the_line() {
        let e = parse_document("<ROOT>\n<record>\n<title>x</titel>\n</record></ROOT>").unwrap_err();
        assert_eq!(e.line, 3, "{e}");
        let e = parse_document("<ROOT>\n<record>\n<title>x</title>\n").unwrap_err();
        assert!(e.message.contains("never closed"), "{e}");
        let e = parse_document("<ROOT>&nbsp;</ROOT>").unwrap_err();
        assert!(e.message.contains("unknown entity"), "{e}");
        assert!(parse_document("").is_err());
        let e = parse_document("<a/>\n<b/>").unwrap_err();
        assert_eq!(e.line, 2, "{e}");
    }

    #[test]
    fn escaping() {
        assert_eq!(escape("a<b>&\"c\u{1}"), "a&lt;b&gt;&amp;&quot;c");
    }
}

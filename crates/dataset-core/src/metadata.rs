//! [`Metadata`]: an item's metadata, as a map or as the JSON text of one.
//!
//! Why two forms: a map of `Value`s costs a hash, a `String` key and a node
//! allocation per field, and freeing them again; for cheap datasets that was
//! most of the time `rgym generate` spent per item, although the map is only
//! ever written out again. A dataset on that path serializes a typed struct
//! straight to JSON text instead ([`Metadata::from_serialize`]); the text is
//! what writers copy, and the map is parsed from it, once, only when some code
//! reads a field (a scorer that looks at metadata, the golden tests).
//!
//! Invariant: while the text is held, the map, if parsed, is exactly the
//! parse of the text, and writing either gives the same bytes (checked for
//! every registered dataset by `crates/datasets/tests/item_forms.rs`).
//! Mutable access drops the text, so the two can never disagree.

use std::fmt;
use std::ops::{Deref, DerefMut};
use std::sync::OnceLock;

use serde::{Serialize, Serializer};
use serde_json::value::RawValue;
use serde_json::{Map, Value};

/// Key order is Python's dict insertion order. Reads as a
/// `Map<String, Value>` (`Deref`); see the module docs for the two forms.
#[derive(Clone, Default)]
pub struct Metadata {
    map: OnceLock<Map<String, Value>>,
    /// Compact JSON of an object, as serde_json writes it (UTF-8: the
    /// serializer writes only `&str` contents and ASCII). A `Vec` so that
    /// [`set_from_serialize`](Self::set_from_serialize) can reuse it.
    text: Option<Vec<u8>>,
    /// Where the `source_dataset`/`source_index` head stands while a dataset
    /// writes an item over this one (see [`expect_source`](Self::expect_source));
    /// `None` at all other times.
    source: Source,
}

/// The head `Seeded` is about to put in front of the keys.
#[derive(Clone, Copy, Default, PartialEq)]
enum Source {
    #[default]
    None,
    /// Asked for: `set_from_serialize` writes it ahead of the fields.
    Pending(&'static str, u64),
    /// Written ahead of the fields already.
    Written,
}

/// Room for a typical item's metadata text, so that writing it rarely grows
/// the buffer.
const TEXT_CAPACITY: usize = 320;

impl Metadata {
    /// Metadata written from `fields` (a struct or map serializing as a JSON
    /// object, fields in the order Python's dict has them) as compact JSON.
    ///
    /// Floats serialize as `serde_json::to_value` would store them, so the
    /// result equals what `meta!` builds from the same values.
    pub fn from_serialize<T: Serialize + ?Sized>(fields: &T) -> Self {
        let mut m = Metadata::default();
        m.set_from_serialize(fields);
        m
    }

    /// [`from_serialize`](Self::from_serialize) in place, reusing the text
    /// buffer this metadata already has (a writer that keeps one `Item` for
    /// many rows then allocates nothing here).
    pub fn set_from_serialize<T: Serialize + ?Sized>(&mut self, fields: &T) {
        let mut text = self
            .text
            .take()
            .unwrap_or_else(|| Vec::with_capacity(TEXT_CAPACITY));
        text.clear();
        self.map = OnceLock::new();
        let pending = std::mem::take(&mut self.source);
        if let Source::Pending(dataset, index) = pending {
            text.push(b'{');
            write_source(&mut text, dataset, index);
        }
        let start = text.len();
        let written = crate::jsonl::serializer::write(&mut text, fields);
        if written.is_ok() && text.get(start) == Some(&b'{') {
            if start > 0 {
                // The fields' object joins the head: its `{` becomes a comma,
                // or, with no fields (`{}`), the head's closing `}`.
                if text.len() - start == 2 {
                    text.truncate(start);
                    text.push(b'}');
                } else {
                    text[start] = b',';
                }
                self.source = Source::Written;
            }
            self.text = Some(text);
            return;
        }
        // A shape the fast writer leaves to serde_json (`f32`, enums,
        // bytes), or not an object at all: the map path, exact by
        // construction, as `meta!` would build it.
        *self = match serde_json::to_value(fields) {
            Ok(Value::Object(map)) => map.into(),
            _ => Metadata::default(),
        };
    }

    /// About how many bytes the metadata holds on the heap: its text, and
    /// the map when one was built (strings, plus a word or so per value and
    /// key for the structure).
    pub fn heap_bytes(&self) -> usize {
        fn value(v: &Value) -> usize {
            32 + match v {
                Value::String(s) => s.len(),
                Value::Array(a) => a.iter().map(value).sum(),
                Value::Object(m) => map(m),
                // Numbers are held as their literal (arbitrary_precision).
                Value::Number(n) => n.as_str().len(),
                Value::Null | Value::Bool(_) => 0,
            }
        }
        fn map(m: &Map<String, Value>) -> usize {
            m.iter().map(|(k, v)| 32 + k.len() + value(v)).sum()
        }
        self.text.as_ref().map_or(0, Vec::capacity) + self.map.get().map_or(0, map)
    }

    /// Whether the object has no keys, without parsing the text.
    pub fn is_empty(&self) -> bool {
        match &self.text {
            // Compact JSON has one empty object: `{}`.
            Some(text) => text.len() <= 2,
            None => self.materialize().is_empty(),
        }
    }

    /// `metadata["source_dataset"]` as a string: which dataset made the item
    /// (composites route scoring and metrics by it). Read straight from the
    /// text when it comes first, where [`put_source_first`](Self::put_source_first)
    /// writes it, so that looking at it does not parse the rest.
    pub fn source_dataset(&self) -> Option<&str> {
        const PREFIX: &[u8] = b"{\"source_dataset\":\"";
        if let Some(rest) = self.text.as_deref().and_then(|t| t.strip_prefix(PREFIX)) {
            let end = rest.iter().position(|&b| b == b'"' || b == b'\\');
            if let Some(end) = end.filter(|&e| rest[e] == b'"') {
                return std::str::from_utf8(&rest[..end]).ok();
            }
        }
        self.get("source_dataset").and_then(Value::as_str)
    }

    /// Puts `"source_dataset": dataset, "source_index": index` in front of
    /// the keys already there. Every reasoning-gym item's metadata starts with
    /// these two, so [`Seeded`](crate::Seeded) writes them for every dataset
    /// (each writes only its own keys), in whichever form the metadata is.
    pub fn put_source_first(&mut self, dataset: &str, index: u64) {
        if std::mem::take(&mut self.source) == Source::Written {
            return;
        }
        if let Some(text) = &mut self.text {
            // Written behind the object, then rotated to just after its `{`:
            // no allocation once the buffer has room, which a reused item's has.
            let end = text.len();
            write_source(text, dataset, index);
            // Compact JSON has one empty object, `{}`: no comma before its `}`.
            if end > 2 {
                text.push(b',');
            }
            let head = text.len() - end;
            text[1..].rotate_right(head);
            self.map = OnceLock::new();
            return;
        }
        let map = &mut **self;
        map.shift_insert(0, "source_dataset".into(), dataset.into());
        map.shift_insert(1, "source_index".into(), index.into());
    }

    /// Announces the head that [`put_source_first`](Self::put_source_first)
    /// will put in front, before a dataset writes an item over this one
    /// (`Seeded::get_into`). If the dataset writes with
    /// [`set_from_serialize`](Self::set_from_serialize), the head is written
    /// there, ahead of the fields, and `put_source_first` has nothing left to
    /// move: the bulk writer's cheapest items never shift their text. Any
    /// other way of writing leaves the head to `put_source_first`.
    pub fn expect_source(&mut self, dataset: &'static str, index: u64) {
        self.source = Source::Pending(dataset, index);
    }

    /// Appends the compact JSON object (serde_json's bytes for the map).
    pub fn write_json(&self, out: &mut Vec<u8>) {
        match &self.text {
            Some(text) => out.extend_from_slice(text),
            None => crate::jsonl::write_object(out, self),
        }
    }

    /// The map, parsed now if only the text was held.
    pub fn into_map(mut self) -> Map<String, Value> {
        self.materialize();
        self.map.take().unwrap_or_default()
    }

    fn materialize(&self) -> &Map<String, Value> {
        self.map.get_or_init(|| match &self.text {
            // The text is serde_json's own output for an object, so it parses;
            // an empty map would show up in the golden and consistency tests.
            Some(text) => serde_json::from_slice(text).unwrap_or_default(),
            None => Map::new(),
        })
    }
}

impl From<Map<String, Value>> for Metadata {
    fn from(map: Map<String, Value>) -> Self {
        Metadata {
            map: OnceLock::from(map),
            text: None,
            source: Source::None,
        }
    }
}

impl Deref for Metadata {
    type Target = Map<String, Value>;

    fn deref(&self) -> &Map<String, Value> {
        self.materialize()
    }
}

impl DerefMut for Metadata {
    fn deref_mut(&mut self) -> &mut Map<String, Value> {
        self.materialize();
        self.text = None;
        self.map.get_mut().expect("materialized just above")
    }
}

impl PartialEq for Metadata {
    fn eq(&self, other: &Self) -> bool {
        match (&self.text, &other.text) {
            (Some(a), Some(b)) if a == b => true,
            _ => **self == **other,
        }
    }
}

impl fmt::Debug for Metadata {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

impl Serialize for Metadata {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // Validating the text again is a plain scan: no `Value` tree is built.
        match self
            .text
            .as_deref()
            .map(serde_json::from_slice::<&RawValue>)
        {
            Some(Ok(raw)) => raw.serialize(s),
            _ => self.materialize().serialize(s),
        }
    }
}

/// `"source_dataset":"<dataset>","source_index":<index>`, the keys of the head.
fn write_source(out: &mut Vec<u8>, dataset: &str, index: u64) {
    out.extend_from_slice(b"\"source_dataset\":");
    crate::jsonl::write_str(out, dataset);
    out.extend_from_slice(b",\"source_index\":");
    // itoa, as the serializer writes integers: twice as fast as a digit loop here.
    out.extend_from_slice(itoa::Buffer::new().format(index).as_bytes());
}

/// `serialize_with` for `(key, value)` pairs that Python keeps in a dict:
/// a JSON object in the pairs' order.
pub fn pairs_as_object<S, K, V>(pairs: &[(K, V)], s: S) -> Result<S::Ok, S::Error>
where
    S: Serializer,
    K: Serialize,
    V: Serialize,
{
    s.collect_map(pairs.iter().map(|(k, v)| (k, v)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[derive(Serialize)]
    struct Fields<'a> {
        source_dataset: &'static str,
        source_index: u64,
        #[serde(serialize_with = "pairs_as_object")]
        animals: &'a [(&'static str, i64)],
        text: &'a str,
        nothing: Option<i64>,
        pair: (i64, bool),
    }

    fn sample() -> (Metadata, Metadata) {
        let fields = Fields {
            source_dataset: "x",
            source_index: u64::MAX,
            animals: &[("sea slug", 3), ("cat", 1)],
            text: "tab\t \"quote\" é",
            nothing: None,
            pair: (-1, true),
        };
        let built = crate::meta! {
            "source_dataset" => "x",
            "source_index" => u64::MAX,
            "animals" => json!({"sea slug": 3, "cat": 1}),
            "text" => "tab\t \"quote\" é",
            "nothing" => Option::<i64>::None,
            "pair" => (-1, true),
        };
        (Metadata::from_serialize(&fields), built)
    }

    fn same(a: &Metadata, b: &Metadata) {
        let (mut x, mut y) = (Vec::new(), Vec::new());
        a.write_json(&mut x);
        b.write_json(&mut y);
        assert_eq!(String::from_utf8(x).unwrap(), String::from_utf8(y).unwrap());
        assert_eq!(
            serde_json::to_string(a).unwrap(),
            serde_json::to_string(b).unwrap()
        );
        assert_eq!(a, b);
        assert_eq!(**a, **b);
        let keys: Vec<_> = a.keys().cloned().collect();
        assert_eq!(keys, b.keys().cloned().collect::<Vec<_>>());
        assert_eq!(a.clone().into_map(), b.clone().into_map());
    }

    /// The text form reads, compares and writes exactly as the map `meta!` builds.
    #[test]
    fn text_equals_map() {
        let (text, map) = sample();
        assert!(text.text.is_some());
        same(&text, &map);
    }

    /// Floats and `Value`s are written as text, with the bytes and the map
    /// serde_json's path gives.
    #[test]
    fn floats_write_as_the_map_would() {
        #[derive(Serialize)]
        struct WithFloats {
            floats: [f64; 6],
            nested: Value,
        }
        let typed = Metadata::from_serialize(&WithFloats {
            floats: [1e300, -0.0, 0.1, 2.0, 1.5e-7, f64::NAN],
            nested: json!({"b": [1, 2.5], "a": null}),
        });
        assert!(typed.text.is_some());
        let built = crate::meta! {
            "floats" => [1e300, -0.0, 0.1, 2.0, 1.5e-7, f64::NAN],
            "nested" => json!({"b": [1, 2.5], "a": null}),
        };
        same(&typed, &built);
        assert_eq!(typed["floats"][0].to_string(), "1e+300");
    }

    #[test]
    fn cheap_reads_agree_with_the_map() {
        let (text, map) = sample();
        assert_eq!(text.source_dataset(), Some("x"));
        assert_eq!(map.source_dataset(), Some("x"));
        assert!(!text.is_empty() && !map.is_empty());
        #[derive(Serialize)]
        struct Later {
            a: i64,
            source_dataset: &'static str,
        }
        #[derive(Serialize)]
        struct Escaped {
            source_dataset: &'static str,
        }
        #[derive(Serialize)]
        struct Empty {}
        assert_eq!(
            Metadata::from_serialize(&Later {
                a: 1,
                source_dataset: "y"
            })
            .source_dataset(),
            Some("y")
        );
        let escaped = Metadata::from_serialize(&Escaped {
            source_dataset: "q\"uote",
        });
        assert_eq!(escaped.source_dataset(), Some("q\"uote"));
        assert!(Metadata::from_serialize(&Empty {}).is_empty());
        assert!(Metadata::default().is_empty());
        assert_eq!(Metadata::default().source_dataset(), None);
    }

    /// The head goes in front of the keys, the same in both forms, and into
    /// an empty object without a trailing comma.
    #[test]
    fn source_first() {
        #[derive(Serialize)]
        struct Body<'a> {
            text: &'a str,
            pair: (i64, bool),
        }
        #[derive(Serialize)]
        struct Empty {}
        let want = r#"{"source_dataset":"x","source_index":18446744073709551615,"text":"a\"b","pair":[-1,true]}"#;
        let mut text = Metadata::from_serialize(&Body {
            text: "a\"b",
            pair: (-1, true),
        });
        let mut map = crate::meta! {"text" => "a\"b", "pair" => (-1, true)};
        // A parsed map beside the text must not outlive the change.
        assert_eq!(text.len(), 2);
        for m in [&mut text, &mut map] {
            m.put_source_first("x", u64::MAX);
            let mut out = Vec::new();
            m.write_json(&mut out);
            assert_eq!(String::from_utf8(out).unwrap(), want);
            assert_eq!(m.source_dataset(), Some("x"));
            assert_eq!(m.len(), 4);
        }
        assert!(text.text.is_some());
        same(&text, &map);
        for mut m in [Metadata::from_serialize(&Empty {}), crate::meta! {}] {
            m.put_source_first("y", 0);
            let mut out = Vec::new();
            m.write_json(&mut out);
            assert_eq!(out, br#"{"source_dataset":"y","source_index":0}"#);
        }
    }

    /// Announced ahead, the head is written with the fields, in whichever
    /// way the item is then written, and nothing is put in front twice.
    #[test]
    fn source_announced() {
        #[derive(Serialize)]
        struct Body {
            n: i64,
        }
        #[derive(Serialize)]
        struct Float {
            x: f64,
        }
        #[derive(Serialize)]
        struct Empty {}
        let written = |m: &Metadata| {
            let mut out = Vec::new();
            m.write_json(&mut out);
            String::from_utf8(out).unwrap()
        };
        let head = r#"{"source_dataset":"z","source_index":7"#;
        let mut m = Metadata::from_serialize(&Body { n: 1 });
        // The text path: written with the fields, the buffer reused.
        for n in [2, 3] {
            m.expect_source("z", 7);
            m.set_from_serialize(&Body { n });
            assert!(m.source == Source::Written);
            m.put_source_first("z", 7);
            assert!(m.source == Source::None);
            assert_eq!(written(&m), format!(r#"{head},"n":{n}}}"#));
        }
        m.expect_source("z", 7);
        m.set_from_serialize(&Empty {});
        m.put_source_first("z", 7);
        assert_eq!(written(&m), format!("{head}}}"));
        // Floats fall back to the map: put in front afterwards.
        m.expect_source("z", 7);
        m.set_from_serialize(&Float { x: 0.5 });
        m.put_source_first("z", 7);
        assert_eq!(written(&m), format!(r#"{head},"x":0.5}}"#));
        // Replaced, or changed as a map: put in front afterwards.
        m.expect_source("z", 7);
        m = crate::meta! {"n" => 4};
        m.put_source_first("z", 7);
        assert_eq!(written(&m), format!(r#"{head},"n":4}}"#));
        let mut m = Metadata::from_serialize(&Body { n: 5 });
        m.expect_source("z", 7);
        m.insert("k".into(), 6.into());
        m.put_source_first("z", 7);
        assert_eq!(written(&m), format!(r#"{head},"n":5,"k":6}}"#));
    }

    /// Changing the map drops the text: what is written is what was changed.
    #[test]
    fn mutation_drops_text() {
        let (mut text, _) = sample();
        text.insert("extra".into(), json!(1));
        let mut out = Vec::new();
        text.write_json(&mut out);
        let out = String::from_utf8(out).unwrap();
        assert!(out.ends_with(r#","extra":1}"#), "{out}");
        assert_eq!(text.len(), 7);
    }

    #[test]
    fn not_an_object() {
        assert!(Metadata::from_serialize(&3).is_empty());
        let mut keyed = std::collections::BTreeMap::new();
        keyed.insert(2, "two");
        let m = Metadata::from_serialize(&keyed);
        assert_eq!(m["2"], "two");
    }
}

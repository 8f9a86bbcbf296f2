//! A serde `Serializer` writing compact JSON, byte for byte what
//! `serde_json::to_writer` writes, for the shapes typed metadata has.
//!
//! Why not serde_json's: it escapes every string a byte at a time, and for a
//! cheap dataset the keys and strings of its metadata cost more than building
//! the item. This one escapes with [`write_str`](super::write_str).
//!
//! It covers what metadata structs use: structs, maps with string or integer
//! keys, sequences, tuples, options, unit, strings, booleans and integers, and
//! `f64` (written by serde_json's own float writer, so the digits are those
//! `serde_json::to_value` stores) and serde_json's own `Value`, `Number` and
//! `RawValue` (with `arbitrary_precision` a number is its literal, and a raw
//! value its text: both are copied as they are, which is what serde_json
//! writes). A dataset's constant part (its `difficulty`, say, with Python
//! floats in it) can so be kept as a `Value` or a pre-rendered `RawValue` in a
//! typed struct. Anything else (`f32`, enums, bytes) is refused with
//! [`Unsupported`], and the caller falls back to serde_json, so an unusual
//! field costs speed, never exactness.

use std::fmt;

use serde::ser::{self, Serialize};

use super::write_str;

/// A shape this serializer leaves to serde_json.
#[derive(Debug)]
pub struct Unsupported;

impl fmt::Display for Unsupported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("shape left to serde_json")
    }
}

impl std::error::Error for Unsupported {}

impl ser::Error for Unsupported {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Unsupported
    }
}

/// Appends `value` as compact JSON to `out`. On `Err`, `out` holds a partial
/// write the caller must discard.
pub fn write<T: Serialize + ?Sized>(out: &mut Vec<u8>, value: &T) -> Result<(), Unsupported> {
    // The buffer is moved in for the duration: one indirection less on every
    // push than a `&mut Vec` behind the `&mut Writer` serde passes around.
    let mut w = Writer {
        out: std::mem::take(out),
    };
    let result = value.serialize(&mut w);
    *out = w.out;
    result
}

struct Writer {
    out: Vec<u8>,
}

impl Writer {
    #[inline]
    fn int(&mut self, v: impl itoa::Integer) -> Result<(), Unsupported> {
        self.out
            .extend_from_slice(itoa::Buffer::new().format(v).as_bytes());
        Ok(())
    }

    /// Counts and sizes in metadata are mostly below 100: their digits are
    /// pushed directly (a `memcpy` call for two bytes cost more than itoa).
    #[inline]
    fn i64(&mut self, v: i64) -> Result<(), Unsupported> {
        match u8::try_from(v) {
            Ok(d @ 0..=9) => self.out.push(b'0' + d),
            Ok(d @ 10..=99) => self.out.extend_from_slice(&[b'0' + d / 10, b'0' + d % 10]),
            _ => return self.int(v),
        }
        Ok(())
    }
}

/// An open `[`/`{`: whether a `,` is due before the next element.
pub struct Compound<'b> {
    w: &'b mut Writer,
    first: bool,
    /// serde_json's private `Number`/`RawValue` struct: its one field is JSON
    /// text to copy as it is, with no braces around it.
    verbatim: bool,
}

/// The struct names serde_json gives `Number` (under `arbitrary_precision`)
/// and `RawValue`: each serializes as a struct with one field of that name
/// holding its JSON text.
const VERBATIM_TOKENS: [&str; 2] = [
    "$serde_json::private::Number",
    "$serde_json::private::RawValue",
];

impl Compound<'_> {
    #[inline]
    fn comma(&mut self) {
        if !std::mem::take(&mut self.first) {
            self.w.out.push(b',');
        }
    }
}

impl<'b> ser::Serializer for &'b mut Writer {
    type Ok = ();
    type Error = Unsupported;
    type SerializeSeq = Compound<'b>;
    type SerializeTuple = Compound<'b>;
    type SerializeTupleStruct = Compound<'b>;
    type SerializeTupleVariant = ser::Impossible<(), Unsupported>;
    type SerializeMap = Compound<'b>;
    type SerializeStruct = Compound<'b>;
    type SerializeStructVariant = ser::Impossible<(), Unsupported>;

    #[inline]
    fn serialize_bool(self, v: bool) -> Result<(), Unsupported> {
        self.out
            .extend_from_slice(if v { b"true" } else { b"false" });
        Ok(())
    }
    #[inline]
    fn serialize_i8(self, v: i8) -> Result<(), Unsupported> {
        self.i64(v.into())
    }
    #[inline]
    fn serialize_i16(self, v: i16) -> Result<(), Unsupported> {
        self.i64(v.into())
    }
    #[inline]
    fn serialize_i32(self, v: i32) -> Result<(), Unsupported> {
        self.i64(v.into())
    }
    #[inline]
    fn serialize_i64(self, v: i64) -> Result<(), Unsupported> {
        self.i64(v)
    }
    #[inline]
    fn serialize_i128(self, v: i128) -> Result<(), Unsupported> {
        self.int(v)
    }
    #[inline]
    fn serialize_u8(self, v: u8) -> Result<(), Unsupported> {
        self.i64(v.into())
    }
    #[inline]
    fn serialize_u16(self, v: u16) -> Result<(), Unsupported> {
        self.i64(v.into())
    }
    #[inline]
    fn serialize_u32(self, v: u32) -> Result<(), Unsupported> {
        self.i64(v.into())
    }
    #[inline]
    fn serialize_u64(self, v: u64) -> Result<(), Unsupported> {
        match i64::try_from(v) {
            Ok(v) => self.i64(v),
            Err(_) => self.int(v),
        }
    }
    #[inline]
    fn serialize_u128(self, v: u128) -> Result<(), Unsupported> {
        self.int(v)
    }
    #[inline]
    fn serialize_f32(self, _: f32) -> Result<(), Unsupported> {
        Err(Unsupported)
    }
    #[inline]
    fn serialize_f64(self, v: f64) -> Result<(), Unsupported> {
        // serde_json's own float writer (non-finite as `null`), the digits
        // its `Value` stores for a float too: the two paths agree by
        // construction, whatever formatter serde_json uses.
        serde_json::to_writer(&mut self.out, &v).map_err(|_| Unsupported)
    }
    #[inline]
    fn serialize_char(self, v: char) -> Result<(), Unsupported> {
        write_str(&mut self.out, v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    #[inline]
    fn serialize_str(self, v: &str) -> Result<(), Unsupported> {
        write_str(&mut self.out, v);
        Ok(())
    }
    #[inline]
    fn serialize_bytes(self, _: &[u8]) -> Result<(), Unsupported> {
        Err(Unsupported)
    }
    #[inline]
    fn serialize_none(self) -> Result<(), Unsupported> {
        self.serialize_unit()
    }
    #[inline]
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> Result<(), Unsupported> {
        v.serialize(self)
    }
    #[inline]
    fn serialize_unit(self) -> Result<(), Unsupported> {
        self.out.extend_from_slice(b"null");
        Ok(())
    }
    #[inline]
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Unsupported> {
        self.serialize_unit()
    }
    #[inline]
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
    ) -> Result<(), Unsupported> {
        Err(Unsupported)
    }
    #[inline]
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        v: &T,
    ) -> Result<(), Unsupported> {
        v.serialize(self)
    }
    #[inline]
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), Unsupported> {
        Err(Unsupported)
    }
    #[inline]
    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'b>, Unsupported> {
        self.out.push(b'[');
        Ok(Compound {
            w: self,
            first: true,
            verbatim: false,
        })
    }
    #[inline]
    fn serialize_tuple(self, len: usize) -> Result<Compound<'b>, Unsupported> {
        self.serialize_seq(Some(len))
    }
    #[inline]
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        len: usize,
    ) -> Result<Compound<'b>, Unsupported> {
        self.serialize_seq(Some(len))
    }
    #[inline]
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Unsupported> {
        Err(Unsupported)
    }
    #[inline]
    fn serialize_map(self, _: Option<usize>) -> Result<Compound<'b>, Unsupported> {
        self.out.push(b'{');
        Ok(Compound {
            w: self,
            first: true,
            verbatim: false,
        })
    }
    #[inline]
    fn serialize_struct(self, name: &'static str, len: usize) -> Result<Compound<'b>, Unsupported> {
        // serde_json's `Number` and `RawValue` are private-token structs.
        if name.starts_with('$') {
            if !VERBATIM_TOKENS.contains(&name) {
                return Err(Unsupported);
            }
            return Ok(Compound {
                w: self,
                first: true,
                verbatim: true,
            });
        }
        self.serialize_map(Some(len))
    }
    #[inline]
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Unsupported> {
        Err(Unsupported)
    }
}

impl ser::SerializeSeq for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;

    #[inline]
    fn serialize_element<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Unsupported> {
        self.comma();
        v.serialize(&mut *self.w)
    }
    #[inline]
    fn end(self) -> Result<(), Unsupported> {
        self.w.out.push(b']');
        Ok(())
    }
}

impl ser::SerializeTuple for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;

    #[inline]
    fn serialize_element<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Unsupported> {
        ser::SerializeSeq::serialize_element(self, v)
    }
    #[inline]
    fn end(self) -> Result<(), Unsupported> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleStruct for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;

    #[inline]
    fn serialize_field<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Unsupported> {
        ser::SerializeSeq::serialize_element(self, v)
    }
    #[inline]
    fn end(self) -> Result<(), Unsupported> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;

    #[inline]
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Unsupported> {
        self.comma();
        key.serialize(KeyWriter {
            out: &mut self.w.out,
        })?;
        self.w.out.push(b':');
        Ok(())
    }
    #[inline]
    fn serialize_value<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Unsupported> {
        v.serialize(&mut *self.w)
    }
    #[inline]
    fn end(self) -> Result<(), Unsupported> {
        self.w.out.push(b'}');
        Ok(())
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;

    #[inline]
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        v: &T,
    ) -> Result<(), Unsupported> {
        if self.verbatim {
            return v.serialize(Verbatim {
                out: &mut self.w.out,
            });
        }
        self.comma();
        write_str(&mut self.w.out, key);
        self.w.out.push(b':');
        v.serialize(&mut *self.w)
    }
    #[inline]
    fn end(self) -> Result<(), Unsupported> {
        if !self.verbatim {
            self.w.out.push(b'}');
        }
        Ok(())
    }
}

/// The text field of a `Number`/`RawValue`: already JSON, copied as it is.
struct Verbatim<'a> {
    out: &'a mut Vec<u8>,
}

impl ser::Serializer for Verbatim<'_> {
    type Ok = ();
    type Error = Unsupported;
    type SerializeSeq = ser::Impossible<(), Unsupported>;
    type SerializeTuple = ser::Impossible<(), Unsupported>;
    type SerializeTupleStruct = ser::Impossible<(), Unsupported>;
    type SerializeTupleVariant = ser::Impossible<(), Unsupported>;
    type SerializeMap = ser::Impossible<(), Unsupported>;
    type SerializeStruct = ser::Impossible<(), Unsupported>;
    type SerializeStructVariant = ser::Impossible<(), Unsupported>;

    fn serialize_str(self, v: &str) -> Result<(), Unsupported> {
        self.out.extend_from_slice(v.as_bytes());
        Ok(())
    }

    fn serialize_bool(self, _: bool) -> Result<(), Unsupported> {
        Err(Unsupported)
    }
    fn serialize_i8(self, _: i8) -> Result<(), Unsupported> {
        Err(Unsupported)
    }
    fn serialize_i16(self, _: i16) -> Result<(), Unsupported> {
        Err(Unsupported)
    }
    fn serialize_i32(self, _: i32) -> Result<(), Unsupported> {
        Err(Unsupported)
    }
    fn serialize_i64(self, _: i64) -> Result<(), Unsupported> {
        Err(Unsupported)
    }
    fn serialize_u8(self, _: u8) -> Result<(), Unsupported> {
        Err(Unsupported)
    }
    fn serialize_u16(self, _: u16) -> Result<(), Unsupported> {
        Err(Unsupported)
    }
    fn serialize_u32(self, _: u32) -> Result<(), Unsupported> {
        Err(Unsupported)
    }
    fn serialize_u64(self, _: u64) -> Result<(), Unsupported> {
        Err(Unsupported)
    }
    fn serialize_f32(self, _: f32) -> Result<(), Unsupported> {
        Err(Unsupported)
    }
    fn serialize_f64(self, _: f64) -> Result<(), Unsupported> {
        Err(Unsupported)
    }
    fn serialize_char(self, _: char) -> Result<(), Unsupported> {
        Err(Unsupported)
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), Unsupported> {
        Err(Unsupported)
    }
    fn serialize_none(self) -> Result<(), Unsupported> {
        Err(Unsupported)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<(), Unsupported> {
        Err(Unsupported)
    }
    fn serialize_unit(self) -> Result<(), Unsupported> {
        Err(Unsupported)
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Unsupported> {
        Err(Unsupported)
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
    ) -> Result<(), Unsupported> {
        Err(Unsupported)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: &T,
    ) -> Result<(), Unsupported> {
        Err(Unsupported)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), Unsupported> {
        Err(Unsupported)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStruct, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Unsupported> {
        Err(Unsupported)
    }
}

/// Map keys: strings as they are, integers quoted (as serde_json does);
/// anything else is left to serde_json.
struct KeyWriter<'a> {
    out: &'a mut Vec<u8>,
}

impl KeyWriter<'_> {
    #[inline]
    fn int(self, v: impl itoa::Integer) -> Result<(), Unsupported> {
        self.out.push(b'"');
        self.out
            .extend_from_slice(itoa::Buffer::new().format(v).as_bytes());
        self.out.push(b'"');
        Ok(())
    }
}

impl ser::Serializer for KeyWriter<'_> {
    type Ok = ();
    type Error = Unsupported;
    type SerializeSeq = ser::Impossible<(), Unsupported>;
    type SerializeTuple = ser::Impossible<(), Unsupported>;
    type SerializeTupleStruct = ser::Impossible<(), Unsupported>;
    type SerializeTupleVariant = ser::Impossible<(), Unsupported>;
    type SerializeMap = ser::Impossible<(), Unsupported>;
    type SerializeStruct = ser::Impossible<(), Unsupported>;
    type SerializeStructVariant = ser::Impossible<(), Unsupported>;

    #[inline]
    fn serialize_str(self, v: &str) -> Result<(), Unsupported> {
        write_str(self.out, v);
        Ok(())
    }
    #[inline]
    fn serialize_char(self, v: char) -> Result<(), Unsupported> {
        write_str(self.out, v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    #[inline]
    fn serialize_i8(self, v: i8) -> Result<(), Unsupported> {
        self.int(v)
    }
    #[inline]
    fn serialize_i16(self, v: i16) -> Result<(), Unsupported> {
        self.int(v)
    }
    #[inline]
    fn serialize_i32(self, v: i32) -> Result<(), Unsupported> {
        self.int(v)
    }
    #[inline]
    fn serialize_i64(self, v: i64) -> Result<(), Unsupported> {
        self.int(v)
    }
    #[inline]
    fn serialize_i128(self, v: i128) -> Result<(), Unsupported> {
        self.int(v)
    }
    #[inline]
    fn serialize_u8(self, v: u8) -> Result<(), Unsupported> {
        self.int(v)
    }
    #[inline]
    fn serialize_u16(self, v: u16) -> Result<(), Unsupported> {
        self.int(v)
    }
    #[inline]
    fn serialize_u32(self, v: u32) -> Result<(), Unsupported> {
        self.int(v)
    }
    #[inline]
    fn serialize_u64(self, v: u64) -> Result<(), Unsupported> {
        self.int(v)
    }
    #[inline]
    fn serialize_u128(self, v: u128) -> Result<(), Unsupported> {
        self.int(v)
    }
    #[inline]
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        v: &T,
    ) -> Result<(), Unsupported> {
        v.serialize(self)
    }
    #[inline]
    fn serialize_bool(self, _: bool) -> Result<(), Unsupported> {
        Err(Unsupported)
    }
    #[inline]
    fn serialize_f32(self, _: f32) -> Result<(), Unsupported> {
        Err(Unsupported)
    }
    #[inline]
    fn serialize_f64(self, _: f64) -> Result<(), Unsupported> {
        Err(Unsupported)
    }
    #[inline]
    fn serialize_bytes(self, _: &[u8]) -> Result<(), Unsupported> {
        Err(Unsupported)
    }
    #[inline]
    fn serialize_none(self) -> Result<(), Unsupported> {
        Err(Unsupported)
    }
    #[inline]
    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<(), Unsupported> {
        Err(Unsupported)
    }
    #[inline]
    fn serialize_unit(self) -> Result<(), Unsupported> {
        Err(Unsupported)
    }
    #[inline]
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Unsupported> {
        Err(Unsupported)
    }
    #[inline]
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
    ) -> Result<(), Unsupported> {
        Err(Unsupported)
    }
    #[inline]
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), Unsupported> {
        Err(Unsupported)
    }
    #[inline]
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Unsupported> {
        Err(Unsupported)
    }
    #[inline]
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Unsupported> {
        Err(Unsupported)
    }
    #[inline]
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Unsupported> {
        Err(Unsupported)
    }
    #[inline]
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Unsupported> {
        Err(Unsupported)
    }
    #[inline]
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Unsupported> {
        Err(Unsupported)
    }
    #[inline]
    fn serialize_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStruct, Unsupported> {
        Err(Unsupported)
    }
    #[inline]
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Unsupported> {
        Err(Unsupported)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde::Serialize;
    use serde_json::json;

    fn ours<T: Serialize>(v: &T) -> Option<String> {
        let mut out = Vec::new();
        super::write(&mut out, v).ok()?;
        Some(String::from_utf8(out).unwrap())
    }

    #[derive(Serialize)]
    struct Unit;

    #[derive(Serialize)]
    struct Pair(i8, &'static str);

    #[derive(Serialize)]
    struct Wrapped(u32);

    #[derive(Serialize)]
    struct Fields {
        #[serde(rename = "weird \"key\"\n")]
        a: Vec<Option<u128>>,
        b: (bool, char, i128),
        c: BTreeMap<i64, Vec<&'static str>>,
        d: Unit,
        e: Pair,
        f: Wrapped,
        #[serde(skip_serializing_if = "Option::is_none")]
        g: Option<i32>,
        h: [u8; 0],
        i: BTreeMap<String, ()>,
    }

    /// Every supported shape writes serde_json's bytes.
    #[test]
    fn same_bytes_as_serde_json() {
        let mut c = BTreeMap::new();
        c.insert(-3, vec!["x\u{1}", "é", "🙂"]);
        c.insert(i64::MAX, vec![]);
        let mut i = BTreeMap::new();
        i.insert("\\".to_string(), ());
        let v = Fields {
            a: vec![Some(u128::MAX), None, Some(0)],
            b: (true, '"', i128::MIN),
            c,
            d: Unit,
            e: Pair(-128, "tab\t"),
            f: Wrapped(u32::MAX),
            g: None,
            h: [],
            i,
        };
        assert_eq!(ours(&v).unwrap(), serde_json::to_string(&v).unwrap());
        let ints = (
            [
                -101i64,
                -100,
                -99,
                -10,
                -1,
                0,
                1,
                9,
                10,
                42,
                99,
                100,
                i64::MIN,
                i64::MAX,
            ],
            [0u8, 9, 10, 99, 100, 255],
            [
                0u64,
                99,
                100,
                i64::MAX as u64,
                i64::MAX as u64 + 1,
                u64::MAX,
            ],
            (-1i8, 7i16, 99i32, 99u16, 100u32),
        );
        assert_eq!(ours(&ints).unwrap(), serde_json::to_string(&ints).unwrap());
        for s in [
            "",
            "plain",
            "a\"b\\c\u{7f}\u{0}",
            "long enough to take the word path \n ok",
        ] {
            assert_eq!(ours(&s).unwrap(), serde_json::to_string(&s).unwrap());
        }
    }

    /// serde_json's own values (numbers are literals under `arbitrary_precision`)
    /// and pre-rendered raw values are copied as serde_json writes them.
    #[test]
    fn serde_json_values_and_raw_values() {
        let big: serde_json::Value =
            serde_json::from_str("123456789012345678901234567890").unwrap();
        let v = json!({"a": [1, -2.5, 1e300, null, true, "x\"y"], "b": {"c": big, "d": {}},
            "e": 0.1, "f": [], "g": 5e-324});
        assert_eq!(ours(&v).unwrap(), serde_json::to_string(&v).unwrap());
        let raw =
            serde_json::value::RawValue::from_string(r#"{"w":[0.3333333333333333,1e16]}"#.into())
                .unwrap();
        #[derive(Serialize)]
        struct WithRaw<'a> {
            n: i32,
            difficulty: &'a serde_json::value::RawValue,
            after: &'a str,
        }
        let v = WithRaw {
            n: 1,
            difficulty: &raw,
            after: "z",
        };
        assert_eq!(ours(&v).unwrap(), serde_json::to_string(&v).unwrap());
        assert_eq!(
            ours(&v).unwrap(),
            r#"{"n":1,"difficulty":{"w":[0.3333333333333333,1e16]},"after":"z"}"#
        );
        // Another private-token struct is still left to serde_json.
        struct Private;
        impl Serialize for Private {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                use serde::ser::SerializeStruct;
                let mut st = s.serialize_struct("$serde_json::private::Other", 1)?;
                st.serialize_field("$serde_json::private::Other", "1")?;
                st.end()
            }
        }
        assert!(ours(&Private).is_none());
    }

    /// Floats as serde_json writes them and as its `Value` stores them (the
    /// map path `Metadata` falls back to): shortest round-trip digits,
    /// non-finite as `null`.
    #[test]
    fn floats_as_serde_json() {
        let floats = [
            0.0f64,
            -0.0,
            0.1,
            1.5,
            -2.5,
            1.0 / 3.0,
            1e16,
            1e-7,
            123456789.0,
            5e-324,
            f64::MAX,
            f64::MIN_POSITIVE,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ];
        for &f in &floats {
            let via_value = serde_json::to_value(f).unwrap().to_string();
            assert_eq!(ours(&f).unwrap(), via_value, "{f:?}");
        }
        #[derive(Serialize)]
        struct M {
            rng: f64,
            pso: Vec<f64>,
        }
        let m = M {
            rng: 0.07142857142857142,
            pso: floats.to_vec(),
        };
        assert_eq!(
            ours(&m).unwrap(),
            serde_json::to_value(&m).unwrap().to_string()
        );
    }

    /// What it does not write exactly, it refuses.
    #[test]
    fn refuses_the_rest() {
        #[derive(Serialize)]
        enum E {
            A,
            B(i32),
        }
        assert!(ours(&vec![1.0f32]).is_none());
        assert!(ours(&E::A).is_none());
        assert!(ours(&E::B(1)).is_none());
        let mut bool_keys = BTreeMap::new();
        bool_keys.insert(true, 1);
        assert!(ours(&bool_keys).is_none());
        assert!(ours(&serde_bytes_like()).is_none());
    }

    fn serde_bytes_like() -> impl Serialize {
        struct B;
        impl Serialize for B {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_bytes(b"ab")
            }
        }
        B
    }
}

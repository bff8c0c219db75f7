//! Writes values as Rust expressions over static pools, so that `build.rs` can embed
//! the validated knowledge base as plain read-only data: every string goes into one
//! blob (`Str::lit(offset, len)`), every sequence into the pool of its element type
//! (`Seq::lit(start, len)`), and nothing holds a pointer.

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use serde::ser::{self, Serialize};

#[derive(Debug)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

fn unsupported(what: &str) -> Error {
    Error(format!("{what} cannot be written as a static here"))
}

/// The text blob and the pools, filled as values are written.
#[derive(Default)]
pub struct Pools {
    blob: String,
    strings: HashMap<String, (u32, u32)>,
    pools: BTreeMap<String, Vec<String>>,
}

impl Pools {
    /// `value` as a Rust expression; its strings and sequences go to the pools.
    pub fn value<T: Serialize>(&mut self, value: &T) -> Result<String, Error> {
        let mut w = Writer {
            pools: self,
            out: String::new(),
            kind: None,
        };
        value.serialize(&mut w)?;
        Ok(w.out)
    }

    /// The blob and one static array a pool, for every type in `types`
    /// (`(type, pool name)`), empty ones included.
    pub fn finish(self, types: &[(&str, &str)]) -> String {
        let mut code = format!("pub const BLOB: &str = {:?};\n", self.blob);
        for (ty, pool) in types {
            let items = self.pools.get(*ty).map(Vec::as_slice).unwrap_or(&[]);
            code.push_str(&format!("pub static {pool}: [{ty}; {}] = [\n", items.len()));
            for item in items {
                code.push_str(item);
                code.push_str(",\n");
            }
            code.push_str("];\n");
        }
        code
    }

    fn string(&mut self, s: &str) -> (u32, u32) {
        if let Some(&at) = self.strings.get(s) {
            return at;
        }
        let at = (self.blob.len() as u32, s.len() as u32);
        self.blob.push_str(s);
        self.strings.insert(s.to_string(), at);
        at
    }
}

struct Writer<'a> {
    pools: &'a mut Pools,
    out: String,
    /// What the value written was: a struct's name, or `Str`.
    kind: Option<&'static str>,
}

/// A serde variant name (`france`) as the Rust variant (`France`).
fn variant_name(v: &str) -> String {
    let mut c = v.chars();
    c.next()
        .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
        .unwrap_or_default()
}

struct SeqWriter<'a, 'b> {
    w: &'b mut Writer<'a>,
    items: Vec<String>,
    kind: Option<&'static str>,
}

struct StructWriter<'a, 'b> {
    w: &'b mut Writer<'a>,
}

impl<'a, 'b> ser::Serializer for &'b mut Writer<'a> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = SeqWriter<'a, 'b>;
    type SerializeTuple = ser::Impossible<(), Error>;
    type SerializeTupleStruct = ser::Impossible<(), Error>;
    type SerializeTupleVariant = ser::Impossible<(), Error>;
    type SerializeMap = ser::Impossible<(), Error>;
    type SerializeStruct = StructWriter<'a, 'b>;
    type SerializeStructVariant = ser::Impossible<(), Error>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.out.push_str(if v { "true" } else { "false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        self.out.push_str(&v.to_string());
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        self.out.push_str(&v.to_string());
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        self.serialize_f64(v.into())
    }
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        if !v.is_finite() {
            return Err(unsupported("a number that is not finite"));
        }
        self.out.push_str(&format!("{v:?}_f64"));
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.out.push_str(&format!("{v:?}"));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        let (at, len) = self.pools.string(v);
        self.out.push_str(&format!("Str::lit({at}, {len})"));
        self.kind = Some("Str");
        Ok(())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), Error> {
        Err(unsupported("bytes"))
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.out.push_str("None");
        Ok(())
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<(), Error> {
        self.out.push_str("Some(");
        value.serialize(&mut *self)?;
        self.out.push(')');
        Ok(())
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.out.push_str("()");
        Ok(())
    }
    fn serialize_unit_struct(self, name: &'static str) -> Result<(), Error> {
        self.out.push_str(name);
        Ok(())
    }
    fn serialize_unit_variant(
        self,
        name: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.out
            .push_str(&format!("{name}::{}", variant_name(variant)));
        Ok(())
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.out.push_str(name);
        self.out.push('(');
        value.serialize(&mut *self)?;
        self.out.push(')');
        Ok(())
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), Error> {
        Err(unsupported("a newtype variant"))
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<SeqWriter<'a, 'b>, Error> {
        Ok(SeqWriter {
            w: self,
            items: Vec::new(),
            kind: None,
        })
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Error> {
        Err(unsupported("a tuple"))
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Error> {
        Err(unsupported("a tuple struct"))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(unsupported("a tuple variant"))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Err(unsupported("a map"))
    }
    fn serialize_struct(self, name: &'static str, _: usize) -> Result<StructWriter<'a, 'b>, Error> {
        self.out.push_str(name);
        self.out.push_str(" {");
        self.kind = Some(name);
        Ok(StructWriter { w: self })
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(unsupported("a struct variant"))
    }
}

impl ser::SerializeSeq for SeqWriter<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        let mut item = Writer {
            pools: &mut *self.w.pools,
            out: String::new(),
            kind: None,
        };
        value.serialize(&mut item)?;
        match (self.kind, item.kind) {
            (_, None) => return Err(unsupported("a sequence of plain values")),
            (Some(a), Some(b)) if a != b => return Err(unsupported("a sequence of mixed types")),
            (_, k) => self.kind = k,
        }
        self.items.push(item.out);
        Ok(())
    }
    fn end(self) -> Result<(), Error> {
        let Some(kind) = self.kind else {
            self.w.out.push_str("Seq::lit(0, 0)");
            return Ok(());
        };
        let pool = self.w.pools.pools.entry(kind.to_string()).or_default();
        let start = pool.len();
        let len = self.items.len();
        pool.extend(self.items);
        self.w.out.push_str(&format!("Seq::lit({start}, {len})"));
        Ok(())
    }
}

impl ser::SerializeStruct for StructWriter<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.w.out.push_str(key);
        self.w.out.push_str(": ");
        let kind = self.w.kind;
        value.serialize(&mut *self.w)?;
        self.w.kind = kind; // the struct's own kind, whatever its fields were
        self.w.out.push_str(", ");
        Ok(())
    }
    fn end(self) -> Result<(), Error> {
        self.w.out.push('}');
        Ok(())
    }
}

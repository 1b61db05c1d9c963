//! Results to JavaScript objects, fast: a serde serializer that writes a compact tape (one
//! `u32` per step, numbers beside it, each distinct string once) and a small JavaScript
//! builder that turns the tape into plain objects and arrays.
//!
//! Serializing field by field through JS calls (one call per key and per value, and a UTF-8
//! decode per string) cost a third of an evaluation at the city scale; a report repeats the
//! same few hundred strings (field names, indicator ids, titles, unit ids, periods, status
//! codes) tens of thousands of times. Here each distinct string crosses once, the steps cross
//! as typed arrays, and the builder runs as one tight JavaScript loop. Large results are sent
//! in pieces ([`FLUSH_STEPS`]) so the tape never holds a whole country's report at once.
//!
//! The objects are the ones `serde-wasm-bindgen`'s JSON-compatible serializer made: maps and
//! structs as plain objects, `None` and `()` as `null`, enums externally tagged, every number
//! a JS number. The shared tests compare their `JSON.stringify` with the native snapshots.
//!
//! Measured again against that serializer (issue 23.5, 2026-12-07: serde-wasm-bindgen 0.6.5's
//! `Serializer::json_compatible()` in [`to_js`]'s place, `tests/js/bench/ab.mjs`, both
//! packages in one Node 20 process, interleaved medians on the shared machine): the same
//! objects (`JSON.stringify` equal at S and M), but `evaluate(obj)` 1.16–1.28× slower at S
//! (1.31× numbers only) and 1.21–1.22× at M (1.14–1.24×), and the `.wasm` 26 504 B bigger
//! (+10 484 B gzipped; the widgets' +17 088 / +7 023 B). The tape stays.

use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};

use serde::ser::{self, Serialize};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = r#"
const END = 0xFFFFFFFF;
export function tapeBuilder() { return { strs: [], stack: [], objs: [], key: null, root: undefined }; }
// Feeds one piece of a tape: first its new strings (slices of `text` ending at `ends`, in
// UTF-16 units), then its steps. `null`/`false`/`true` are 0/1/2, a number 3 (the next of
// `nums`), a string 4 (then its index), `[` 5, `{` 6, and END closes the innermost one; in an
// object, each entry starts with its key's string index.
export function tapeFeed(b, ops, nums, text, ends) {
  const strs = b.strs, st = b.stack, objs = b.objs;
  let start = 0;
  for (let i = 0; i < ends.length; i++) { const e = ends[i]; strs.push(text.slice(start, e)); start = e; }
  let p = 0, ni = 0, key = b.key, depth = st.length;
  let top = depth > 0 ? st[depth - 1] : undefined, inObj = depth > 0 && objs[depth - 1];
  const n = ops.length;
  while (p < n) {
    const op = ops[p++];
    if (op === END) {
      st.pop(); objs.pop(); depth--;
      top = depth > 0 ? st[depth - 1] : undefined; inObj = depth > 0 && objs[depth - 1];
      continue;
    }
    if (inObj && key === null) { key = strs[op]; continue; }
    let v;
    switch (op) {
      case 0: v = null; break;
      case 1: v = false; break;
      case 2: v = true; break;
      case 3: v = nums[ni++]; break;
      case 4: v = strs[ops[p++]]; break;
      case 5: v = []; break;
      case 6: v = {}; break;
      default: throw new Error('cchc-progress: bad result tape');
    }
    if (top === undefined) b.root = v;
    else if (!inObj) top.push(v);
    else {
      // A plain data property even for the key `__proto__`, as JSON.parse makes it.
      if (key === '__proto__') Object.defineProperty(top, key, { value: v, enumerable: true, writable: true, configurable: true });
      else top[key] = v;
      key = null;
    }
    if (op === 5 || op === 6) { st.push(v); objs.push(op === 6); depth++; top = v; inObj = op === 6; }
  }
  b.key = key;
}
export function tapeRoot(b) { return b.root; }
"#)]
extern "C" {
    #[wasm_bindgen(js_name = tapeBuilder)]
    fn tape_builder() -> JsValue;
    #[wasm_bindgen(js_name = tapeFeed)]
    fn tape_feed(b: &JsValue, ops: &[u32], nums: &[f64], text: &str, ends: &[u32]);
    #[wasm_bindgen(js_name = tapeRoot)]
    fn tape_root(b: &JsValue) -> JsValue;
}

const NULL: u32 = 0;
const FALSE: u32 = 1;
const TRUE: u32 = 2;
const NUM: u32 = 3;
const STR: u32 = 4;
const ARR: u32 = 5;
const OBJ: u32 = 6;
const END: u32 = u32::MAX;

/// Steps per piece sent to JavaScript (4 MiB of steps).
const FLUSH_STEPS: usize = 1 << 20;

/// Strings up to this length are sent once however often they come (titles are ~100 bytes).
const SHARED_MAX_BYTES: usize = 160;

/// Converts `value` into a JavaScript value.
pub(super) fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, TapeError> {
    to_js_in_pieces(value, FLUSH_STEPS)
}

/// [`to_js`], sending a piece every `flush_steps` steps (the boundary's tests send pieces of
/// a few steps, so that every kind of step meets a piece's end).
pub(super) fn to_js_in_pieces<T: Serialize + ?Sized>(value: &T, flush_steps: usize) -> Result<JsValue, TapeError> {
    let mut tape = Tape::new(flush_steps.max(1));
    value.serialize(&mut tape)?;
    tape.flush();
    Ok(tape_root(&tape.builder))
}

/// A report written as the evaluation makes it (see [`crate::report::Rows`]): its head, each
/// row as it comes (then dropped), then the rest, from the report the evaluation returns
/// without its rows. The objects are those [`to_js`] makes of the whole report (the shared
/// tests compare their `JSON.stringify` with the native snapshots); at country scale the
/// owned rows and their sentences never exist all at once.
#[cfg(feature = "objects")]
pub(super) struct ReportTape {
    tape: Tape,
    failed: Option<TapeError>,
}

#[cfg(feature = "objects")]
impl ReportTape {
    pub(super) fn new() -> ReportTape {
        ReportTape {
            tape: Tape::new(FLUSH_STEPS),
            failed: None,
        }
    }

    fn keep(&mut self, r: Res) {
        if let (Err(e), None) = (r, &self.failed) {
            self.failed = Some(e);
        }
    }

    /// The report as a JavaScript object; `rest` is what the evaluation returned.
    pub(super) fn finish(mut self, rest: &crate::report::Report) -> Result<JsValue, TapeError> {
        if let Some(e) = self.failed {
            return Err(e);
        }
        let t = &mut self.tape;
        t.step(END);
        field(t, "levelSummaries", &rest.level_summaries)?;
        field(t, "areas", &rest.areas)?;
        field(t, "summary", &rest.summary)?;
        if let Some(review) = &rest.review {
            field(t, "review", review)?;
        }
        field(t, "findings", &rest.findings)?;
        t.step(END);
        t.flush();
        Ok(tape_root(&t.builder))
    }
}

/// One member of the object being written, as `#[derive(Serialize)]` writes it.
#[cfg(feature = "objects")]
fn field<T: Serialize + ?Sized>(t: &mut Tape, key: &'static str, value: &T) -> Res {
    t.static_key(key);
    value.serialize(t)
}

#[cfg(feature = "objects")]
impl crate::report::Rows for ReportTape {
    fn head(&mut self, r: &crate::report::Report) {
        let t = &mut self.tape;
        t.step(OBJ);
        let mut head = || -> Res {
            field(t, "plan", &r.plan)?;
            if let Some(label) = &r.label {
                field(t, "label", label)?;
            }
            field(t, "asOf", &r.as_of)?;
            field(t, "locale", &r.locale)?;
            field(t, "options", &r.options)?;
            t.static_key("results");
            t.step(ARR);
            Ok(())
        };
        let done = head();
        self.keep(done);
    }

    fn row(&mut self, row: crate::report::IndicatorResult) {
        if self.failed.is_none() {
            let done = row.serialize(&mut self.tape);
            self.keep(done);
        }
    }
}

/// Why a value could not be written (a map key that is not text or a number).
#[derive(Debug)]
pub(super) struct TapeError(String);

impl fmt::Display for TapeError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for TapeError {}

impl ser::Error for TapeError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        TapeError(msg.to_string())
    }
}

/// FxHash (rustc's): strings here are short and trusted to be few, so SipHash's protection
/// is not needed and its cost is. The tail of a text is one word, not one step per byte, and
/// the result is rotated as rustc-hash 2 does: a product's low bits (the table's bucket) mix
/// only the input's low bits, and with a step per byte 100 000 ids like `u000001` fell into a
/// few buckets (the 100 000-unit hierarchies spent a third of their time comparing texts).
#[derive(Default)]
struct Fx(u64);

impl Fx {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        let mut words = bytes.chunks_exact(8);
        for w in &mut words {
            if let Ok(word) = <[u8; 8]>::try_from(w) {
                self.add(u64::from_le_bytes(word));
            }
        }
        let mut tail = [0u8; 8];
        let rest = words.remainder();
        if let Some(t) = tail.get_mut(..rest.len()) {
            t.copy_from_slice(rest);
            self.add(u64::from_le_bytes(tail) ^ ((rest.len() as u64) << 59));
        }
    }

    fn write_u8(&mut self, b: u8) {
        self.add(u64::from(b));
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0.rotate_left(26)
    }
}

struct Tape {
    builder: JsValue,
    /// Steps per piece: [`FLUSH_STEPS`].
    flush_steps: usize,
    ops: Vec<u32>,
    nums: Vec<f64>,
    /// The strings new since the last piece, back to back, and where each ends (UTF-16).
    text: String,
    ends: Vec<u32>,
    text_units: u32,
    /// Every string sent so far, by content, with its index (but the long ones).
    index: HashMap<Box<str>, u32, BuildHasherDefault<Fx>>,
    /// Strings sent so far.
    count: u32,
    /// Field names (static text) by address and length: no hashing of their bytes.
    keys: HashMap<(usize, usize), u32, BuildHasherDefault<Fx>>,
}

impl Tape {
    fn new(flush_steps: usize) -> Tape {
        Tape {
            builder: tape_builder(),
            flush_steps,
            ops: Vec::new(),
            nums: Vec::new(),
            text: String::new(),
            ends: Vec::new(),
            text_units: 0,
            index: HashMap::default(),
            count: 0,
            keys: HashMap::default(),
        }
    }

    /// Sends what is written so far; called only between complete steps.
    fn flush(&mut self) {
        if self.ops.is_empty() && self.ends.is_empty() {
            return;
        }
        tape_feed(&self.builder, &self.ops, &self.nums, &self.text, &self.ends);
        self.ops.clear();
        self.nums.clear();
        self.text.clear();
        self.ends.clear();
        self.text_units = 0;
    }

    fn step(&mut self, op: u32) {
        if self.ops.len() >= self.flush_steps {
            self.flush();
        }
        self.ops.push(op);
    }

    /// The index of `s`, sending it with the next piece if it is new. Long texts (the
    /// explanations, one per row and each its own) are sent without looking for a copy:
    /// hashing them cost more than it saved.
    fn string_index(&mut self, s: &str) -> u32 {
        let shared = s.len() <= SHARED_MAX_BYTES;
        if shared {
            if let Some(&i) = self.index.get(s) {
                return i;
            }
        }
        let i = self.count;
        self.count = self.count.saturating_add(1);
        // UTF-16 units: one per character, two for those beyond the BMP (4-byte UTF-8).
        let units: usize = s
            .bytes()
            .map(|b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0))
            .sum();
        self.text.push_str(s);
        self.text_units = self.text_units.saturating_add(u32::try_from(units).unwrap_or(u32::MAX));
        self.ends.push(self.text_units);
        if shared {
            self.index.insert(s.into(), i);
        }
        i
    }

    fn string(&mut self, s: &str) {
        let i = self.string_index(s);
        self.step(STR);
        self.ops.push(i);
    }

    fn number(&mut self, v: f64) {
        self.step(NUM);
        self.nums.push(v);
    }

    /// A key of the object being written.
    fn key(&mut self, s: &str) {
        let i = self.string_index(s);
        self.step(i);
    }

    /// A field name, or any other static text (enum variants).
    fn static_index(&mut self, s: &'static str) -> u32 {
        let at = (s.as_ptr() as usize, s.len());
        if let Some(&i) = self.keys.get(&at) {
            return i;
        }
        let i = self.string_index(s);
        self.keys.insert(at, i);
        i
    }

    fn static_key(&mut self, s: &'static str) {
        let i = self.static_index(s);
        self.step(i);
    }
}

type Res = Result<(), TapeError>;

impl ser::Serializer for &mut Tape {
    type Ok = ();
    type Error = TapeError;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Self;
    type SerializeTupleVariant = Self;
    type SerializeMap = Self;
    type SerializeStruct = Self;
    type SerializeStructVariant = Self;

    fn serialize_bool(self, v: bool) -> Res {
        self.step(if v { TRUE } else { FALSE });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Res {
        self.number(f64::from(v));
        Ok(())
    }
    fn serialize_i16(self, v: i16) -> Res {
        self.number(f64::from(v));
        Ok(())
    }
    fn serialize_i32(self, v: i32) -> Res {
        self.number(f64::from(v));
        Ok(())
    }
    #[allow(clippy::cast_precision_loss)] // a JS number, as JSON has
    fn serialize_i64(self, v: i64) -> Res {
        self.number(v as f64);
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Res {
        self.number(f64::from(v));
        Ok(())
    }
    fn serialize_u16(self, v: u16) -> Res {
        self.number(f64::from(v));
        Ok(())
    }
    fn serialize_u32(self, v: u32) -> Res {
        self.number(f64::from(v));
        Ok(())
    }
    #[allow(clippy::cast_precision_loss)]
    fn serialize_u64(self, v: u64) -> Res {
        self.number(v as f64);
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> Res {
        self.number(f64::from(v));
        Ok(())
    }
    fn serialize_f64(self, v: f64) -> Res {
        self.number(v);
        Ok(())
    }
    fn serialize_char(self, v: char) -> Res {
        self.string(v.encode_utf8(&mut [0u8; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Res {
        self.string(v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Res {
        self.step(ARR);
        for b in v {
            self.number(f64::from(*b));
        }
        self.step(END);
        Ok(())
    }
    fn serialize_none(self) -> Res {
        self.step(NULL);
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Res {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Res {
        self.step(NULL);
        Ok(())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Res {
        self.step(NULL);
        Ok(())
    }
    fn serialize_unit_variant(self, _name: &'static str, _index: u32, variant: &'static str) -> Res {
        let i = self.static_index(variant);
        self.step(STR);
        self.ops.push(i);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _name: &'static str, value: &T) -> Res {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Res {
        self.step(OBJ);
        self.static_key(variant);
        value.serialize(&mut *self)?;
        self.step(END);
        Ok(())
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Self, TapeError> {
        self.step(ARR);
        Ok(self)
    }
    fn serialize_tuple(self, _len: usize) -> Result<Self, TapeError> {
        self.step(ARR);
        Ok(self)
    }
    fn serialize_tuple_struct(self, _name: &'static str, _len: usize) -> Result<Self, TapeError> {
        self.step(ARR);
        Ok(self)
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Self, TapeError> {
        self.step(OBJ);
        self.static_key(variant);
        self.step(ARR);
        Ok(self)
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self, TapeError> {
        self.step(OBJ);
        Ok(self)
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Self, TapeError> {
        self.step(OBJ);
        Ok(self)
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Self, TapeError> {
        self.step(OBJ);
        self.static_key(variant);
        self.step(OBJ);
        Ok(self)
    }
}

impl ser::SerializeSeq for &mut Tape {
    type Ok = ();
    type Error = TapeError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Res {
        value.serialize(&mut **self)
    }
    fn end(self) -> Res {
        self.step(END);
        Ok(())
    }
}

impl ser::SerializeTuple for &mut Tape {
    type Ok = ();
    type Error = TapeError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Res {
        value.serialize(&mut **self)
    }
    fn end(self) -> Res {
        self.step(END);
        Ok(())
    }
}

impl ser::SerializeTupleStruct for &mut Tape {
    type Ok = ();
    type Error = TapeError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Res {
        value.serialize(&mut **self)
    }
    fn end(self) -> Res {
        self.step(END);
        Ok(())
    }
}

impl ser::SerializeTupleVariant for &mut Tape {
    type Ok = ();
    type Error = TapeError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Res {
        value.serialize(&mut **self)
    }
    fn end(self) -> Res {
        self.step(END); // the array
        self.step(END); // the object around it
        Ok(())
    }
}

impl ser::SerializeMap for &mut Tape {
    type Ok = ();
    type Error = TapeError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Res {
        let text = key.serialize(KeyText)?;
        self.key(&text);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Res {
        value.serialize(&mut **self)
    }
    fn end(self) -> Res {
        self.step(END);
        Ok(())
    }
}

impl ser::SerializeStruct for &mut Tape {
    type Ok = ();
    type Error = TapeError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Res {
        self.static_key(key);
        value.serialize(&mut **self)
    }
    fn end(self) -> Res {
        self.step(END);
        Ok(())
    }
}

impl ser::SerializeStructVariant for &mut Tape {
    type Ok = ();
    type Error = TapeError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Res {
        self.static_key(key);
        value.serialize(&mut **self)
    }
    fn end(self) -> Res {
        self.step(END); // the fields
        self.step(END); // the object around them
        Ok(())
    }
}

/// A map key as the text of an object's property name: strings, enum variants and integers,
/// as `JSON.stringify` would write them.
struct KeyText;

fn not_a_key<T>() -> Result<T, TapeError> {
    Err(TapeError("a map key must be text or an integer".to_string()))
}

impl ser::Serializer for KeyText {
    type Ok = String;
    type Error = TapeError;
    type SerializeSeq = ser::Impossible<String, TapeError>;
    type SerializeTuple = ser::Impossible<String, TapeError>;
    type SerializeTupleStruct = ser::Impossible<String, TapeError>;
    type SerializeTupleVariant = ser::Impossible<String, TapeError>;
    type SerializeMap = ser::Impossible<String, TapeError>;
    type SerializeStruct = ser::Impossible<String, TapeError>;
    type SerializeStructVariant = ser::Impossible<String, TapeError>;

    fn serialize_bool(self, _v: bool) -> Result<String, TapeError> {
        not_a_key()
    }
    fn serialize_i8(self, v: i8) -> Result<String, TapeError> {
        Ok(v.to_string())
    }
    fn serialize_i16(self, v: i16) -> Result<String, TapeError> {
        Ok(v.to_string())
    }
    fn serialize_i32(self, v: i32) -> Result<String, TapeError> {
        Ok(v.to_string())
    }
    fn serialize_i64(self, v: i64) -> Result<String, TapeError> {
        Ok(v.to_string())
    }
    fn serialize_u8(self, v: u8) -> Result<String, TapeError> {
        Ok(v.to_string())
    }
    fn serialize_u16(self, v: u16) -> Result<String, TapeError> {
        Ok(v.to_string())
    }
    fn serialize_u32(self, v: u32) -> Result<String, TapeError> {
        Ok(v.to_string())
    }
    fn serialize_u64(self, v: u64) -> Result<String, TapeError> {
        Ok(v.to_string())
    }
    fn serialize_f32(self, _v: f32) -> Result<String, TapeError> {
        not_a_key()
    }
    fn serialize_f64(self, _v: f64) -> Result<String, TapeError> {
        not_a_key()
    }
    fn serialize_char(self, v: char) -> Result<String, TapeError> {
        Ok(v.to_string())
    }
    fn serialize_str(self, v: &str) -> Result<String, TapeError> {
        Ok(v.to_string())
    }
    fn serialize_bytes(self, _v: &[u8]) -> Result<String, TapeError> {
        not_a_key()
    }
    fn serialize_none(self) -> Result<String, TapeError> {
        not_a_key()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<String, TapeError> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<String, TapeError> {
        not_a_key()
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<String, TapeError> {
        not_a_key()
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<String, TapeError> {
        Ok(variant.to_string())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<String, TapeError> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result<String, TapeError> {
        not_a_key()
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq, TapeError> {
        not_a_key()
    }
    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple, TapeError> {
        not_a_key()
    }
    fn serialize_tuple_struct(self, _name: &'static str, _len: usize) -> Result<Self::SerializeTupleStruct, TapeError> {
        not_a_key()
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, TapeError> {
        not_a_key()
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap, TapeError> {
        not_a_key()
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Self::SerializeStruct, TapeError> {
        not_a_key()
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, TapeError> {
        not_a_key()
    }
}

//! The input read straight from JSON text (`evaluateJson`, and `evaluate` after
//! `JSON.stringify`), without building a `serde_json::Map` for every observation: that map,
//! its keys and its drop were a third of the JSON path's time. Texts without escapes are
//! borrowed from the input until they are kept.
//!
//! Three readers here take one JSON type themselves (the top-level object, the list of
//! observations, one observation); every other type is only named in an error, so it is read
//! as its [`Shape`] through one shared visitor, [`OneType`].

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserialize, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

use super::fields::{observation_field, Field, Fields, OBSERVATION_FIELDS};
use super::limits::{MAX_ERRORS, MAX_OBSERVATIONS};
use super::model::Observation;
use super::observations::ObservationPath;
use super::reader::{Reader, AN_OBJECT};
use crate::error::{Error, ErrorCode};

/// One element of `observations` read straight from JSON text: the known fields by their
/// position in [`OBSERVATION_FIELDS`], and the names of the others (for errors); or, for an
/// element that is not an object, its type.
#[allow(clippy::large_enum_variant)] // nearly every element is an object: boxing would only add an allocation
pub(super) enum JsonObservation<'de> {
    Object {
        known: [Option<JsonField<'de>>; OBSERVATION_FIELDS.len()],
        unknown: Vec<String>,
    },
    Other(Value),
}

/// A field of an observation read from JSON text: text borrowed from the input where it has
/// no escapes (ids and periods need no copy until they are kept), any other value as is.
pub(super) enum JsonField<'de> {
    Str(Cow<'de, str>),
    Value(Value),
}

impl Fields for [Option<JsonField<'_>>; OBSERVATION_FIELDS.len()] {
    fn field(&self, key: &str) -> Option<Field<'_>> {
        match self.get(observation_field(key)?)?.as_ref()? {
            JsonField::Str(s) => Some(Field::Str(s)),
            JsonField::Value(v) => Some(Field::of(v)),
        }
    }
}

impl<'de> Deserialize<'de> for JsonField<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct FieldVisitor;
        impl<'de> Visitor<'de> for FieldVisitor {
            type Value = JsonField<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_borrowed_str<E: de::Error>(self, s: &'de str) -> Result<JsonField<'de>, E> {
                Ok(JsonField::Str(Cow::Borrowed(s)))
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<JsonField<'de>, E> {
                Ok(JsonField::Str(Cow::Owned(s.to_string())))
            }
            fn visit_string<E: de::Error>(self, s: String) -> Result<JsonField<'de>, E> {
                Ok(JsonField::Str(Cow::Owned(s)))
            }
            // The numbers, as `serde_json::Value` reads them (a bare-year period prints them).
            fn visit_bool<E: de::Error>(self, b: bool) -> Result<JsonField<'de>, E> {
                Ok(JsonField::Value(Value::Bool(b)))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<JsonField<'de>, E> {
                Ok(JsonField::Value(Value::Number(v.into())))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<JsonField<'de>, E> {
                Ok(JsonField::Value(Value::Number(v.into())))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<JsonField<'de>, E> {
                Ok(JsonField::Value(Number::from_f64(v).map_or(Value::Null, Value::Number)))
            }
            fn visit_unit<E: de::Error>(self) -> Result<JsonField<'de>, E> {
                Ok(JsonField::Value(Value::Null))
            }
            fn visit_none<E: de::Error>(self) -> Result<JsonField<'de>, E> {
                Ok(JsonField::Value(Value::Null))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<JsonField<'de>, A::Error> {
                Shape.visit_seq(seq).map(JsonField::Value)
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<JsonField<'de>, A::Error> {
                Shape.visit_map(map).map(JsonField::Value)
            }
        }
        d.deserialize_any(FieldVisitor)
    }
}

/// The input read straight from JSON text, without building a `serde_json::Map` for every
/// observation (that map, its keys and its drop were a third of the JSON path's time).
pub(super) enum TopLevel {
    Object {
        /// Every field but `observations`.
        fields: Map<String, Value>,
        observations: JsonObservations,
    },
    /// Not an object: only its type is reported.
    Other(Value),
}

pub(super) enum JsonObservations {
    Absent,
    /// A list, its elements read as they were parsed.
    List(ObservationSink),
    /// Not an array (or `null`): only its type matters.
    Other(Value),
}

/// A stand-in of the same JSON type for a value that is only named in an error. Its contents
/// are still read as values, not skipped, so that the nesting limit applies as before.
struct Shape;

impl<'de> Visitor<'de> for Shape {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E: de::Error>(self, b: bool) -> Result<Value, E> {
        Ok(Value::Bool(b))
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Value, E> {
        Ok(Value::Number(0.into()))
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Value, E> {
        Ok(Value::Number(0.into()))
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Value, E> {
        Ok(Value::Number(0.into()))
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<Value, E> {
        Ok(Value::String(String::new()))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        while seq.next_element::<Value>()?.is_some() {}
        Ok(Value::Array(Vec::new()))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        while map.next_entry::<String, Value>()?.is_some() {}
        Ok(Value::Object(Map::new()))
    }
}

/// A key of an observation object.
enum ObservationKey {
    Known(usize),
    Unknown(String),
}

impl<'de> Deserialize<'de> for ObservationKey {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl Visitor<'_> for KeyVisitor {
            type Value = ObservationKey;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a field name")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<ObservationKey, E> {
                Ok(match observation_field(s) {
                    Some(i) => ObservationKey::Known(i),
                    None => ObservationKey::Unknown(s.to_string()),
                })
            }
        }
        d.deserialize_str(KeyVisitor)
    }
}

/// A reader of one JSON type (an object or a list); a value of any other type becomes
/// `other` of its [`Shape`].
trait OneType<'de>: Sized {
    /// What the reader expects, for serde's messages.
    const EXPECTING: &'static str;

    fn other(shape: Value) -> Self;

    fn map<A: MapAccess<'de>>(map: A) -> Result<Self, A::Error> {
        Shape.visit_map(map).map(Self::other)
    }

    fn seq<A: SeqAccess<'de>>(seq: A) -> Result<Self, A::Error> {
        Shape.visit_seq(seq).map(Self::other)
    }

    fn read<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(OneTypeVisitor(PhantomData))
    }
}

struct OneTypeVisitor<T>(PhantomData<T>);

impl<'de, T: OneType<'de>> Visitor<'de> for OneTypeVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(T::EXPECTING)
    }
    fn visit_bool<E: de::Error>(self, b: bool) -> Result<T, E> {
        Shape.visit_bool(b).map(T::other)
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<T, E> {
        Shape.visit_i64(v).map(T::other)
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<T, E> {
        Shape.visit_u64(v).map(T::other)
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<T, E> {
        Shape.visit_f64(v).map(T::other)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
        Shape.visit_str(v).map(T::other)
    }
    fn visit_unit<E: de::Error>(self) -> Result<T, E> {
        Shape.visit_unit().map(T::other)
    }
    fn visit_none<E: de::Error>(self) -> Result<T, E> {
        Shape.visit_none().map(T::other)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<T, A::Error> {
        T::seq(seq)
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        T::map(map)
    }
}

impl<'de> OneType<'de> for JsonObservation<'de> {
    const EXPECTING: &'static str = "an observation";

    fn other(shape: Value) -> Self {
        JsonObservation::Other(shape)
    }

    fn map<A: MapAccess<'de>>(mut map: A) -> Result<Self, A::Error> {
        let mut known: [Option<JsonField<'de>>; OBSERVATION_FIELDS.len()] = Default::default();
        let mut unknown = Vec::new();
        while let Some(key) = map.next_key::<ObservationKey>()? {
            match key {
                // A repeated key keeps its last value, as in a JSON object read whole.
                ObservationKey::Known(i) => {
                    let v: JsonField<'de> = map.next_value()?;
                    if let Some(slot) = known.get_mut(i) {
                        *slot = Some(v);
                    }
                }
                ObservationKey::Unknown(k) => {
                    map.next_value::<Value>()?;
                    unknown.push(k);
                }
            }
        }
        // Reported in the order of the keys, once each, as a JSON object lists them.
        crate::sort::sort(&mut unknown);
        unknown.dedup();
        Ok(JsonObservation::Object { known, unknown })
    }
}

impl<'de> OneType<'de> for JsonObservations {
    const EXPECTING: &'static str = "a list of observations";

    fn other(shape: Value) -> Self {
        JsonObservations::Other(shape)
    }

    fn seq<A: SeqAccess<'de>>(mut seq: A) -> Result<Self, A::Error> {
        let mut sink = ObservationSink::new();
        while seq.next_element_seed(Element(&mut sink))?.is_some() {}
        Ok(JsonObservations::List(sink))
    }
}

/// One element of `observations`, handed to the sink as soon as it is parsed (or, once the
/// sink reads no more, parsed as its shape only: the text must still be JSON).
struct Element<'s>(&'s mut ObservationSink);

impl<'de> DeserializeSeed<'de> for Element<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        if self.0.reading() {
            let element = JsonObservation::deserialize(d)?;
            self.0.take(&element);
        } else {
            d.deserialize_any(Shape)?;
            self.0.skip();
        }
        Ok(())
    }
}

impl<'de> OneType<'de> for TopLevel {
    const EXPECTING: &'static str = "an input";

    fn other(shape: Value) -> Self {
        TopLevel::Other(shape)
    }

    fn map<A: MapAccess<'de>>(mut map: A) -> Result<Self, A::Error> {
        let mut fields = Map::new();
        let mut observations = JsonObservations::Absent;
        while let Some(key) = map.next_key::<String>()? {
            if key == "observations" {
                observations = map.next_value()?;
            } else {
                let v: Value = map.next_value()?;
                fields.insert(key, v);
            }
        }
        Ok(TopLevel::Object { fields, observations })
    }
}

impl<'de> Deserialize<'de> for JsonObservation<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Self::read(d)
    }
}

impl<'de> Deserialize<'de> for JsonObservations {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Self::read(d)
    }
}

impl<'de> Deserialize<'de> for TopLevel {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Self::read(d)
    }
}

/// The observations of JSON text, each read as soon as it is parsed, so that no list of
/// parsed-but-unread observations is ever held: a million `null`s cost their errors (at
/// most [`MAX_ERRORS`]), not a million parsed objects. Beyond [`MAX_OBSERVATIONS`] they are
/// only counted.
pub(super) struct ObservationSink {
    r: Reader,
    /// The observation of each error of `r`, in order.
    error_items: Vec<usize>,
    observations: Vec<Observation>,
    count: usize,
}

impl ObservationSink {
    pub(super) fn new() -> ObservationSink {
        ObservationSink {
            r: Reader { errors: Vec::new() },
            error_items: Vec::new(),
            observations: Vec::new(),
            count: 0,
        }
    }

    /// Whether the next element will be read (or only counted).
    pub(super) fn reading(&self) -> bool {
        self.count < MAX_OBSERVATIONS && !self.r.full()
    }

    /// Counts an element that is not read.
    pub(super) fn skip(&mut self) {
        self.count = self.count.saturating_add(1);
        if self.count > MAX_OBSERVATIONS && !self.observations.is_empty() {
            // Refused whole: what was read is dropped now, not at the end.
            self.observations = Vec::new();
        }
    }

    /// Reads one element.
    pub(super) fn take(&mut self, element: &JsonObservation<'_>) {
        let i = self.count;
        self.count += 1;
        let observation = match element {
            JsonObservation::Object { known, unknown } => {
                let path = ObservationPath(i);
                if !unknown.is_empty() {
                    self.r.unknown_fields(
                        unknown.iter().map(String::as_str),
                        &path.to_string(),
                        OBSERVATION_FIELDS,
                    );
                }
                self.r.observation_fields(known, i, &path)
            }
            JsonObservation::Other(v) => {
                self.r
                    .wrong_type(format!("$.observations[{i}]"), AN_OBJECT, Field::of(v));
                None
            }
        };
        self.error_items.resize(self.r.errors.len(), i);
        if let Some(o) = observation.filter(|_| self.r.errors.is_empty()) {
            self.observations.push(o);
        }
    }
}

impl Reader {
    /// The observations of JSON text, their errors after those already found (the rest of
    /// the input), as if each were read now: the list stops at [`MAX_ERRORS`] the same way.
    pub(super) fn streamed_observations(&mut self, sink: ObservationSink) -> Option<Vec<Observation>> {
        if sink.count > MAX_OBSERVATIONS {
            self.too_many_observations(sink.count);
            return None;
        }
        let ObservationSink {
            r,
            error_items,
            observations,
            count,
        } = sink;
        // The reader's own mark of a cut list is not an error of any observation.
        let errors: Vec<(Error, usize)> = r
            .errors
            .into_iter()
            .zip(error_items)
            .filter(|(e, _)| e.code != ErrorCode::InputTooManyErrors)
            .collect();
        if errors.is_empty() {
            return Some(observations);
        }
        let room = MAX_ERRORS.saturating_sub(self.errors.len());
        let found = errors.len();
        let mut last = None;
        for (e, item) in errors.into_iter().take(room) {
            self.errors.push(e);
            last = Some(item);
        }
        // Cut where a reading one observation at a time would have stopped: errors left over,
        // or observations left after the list filled up.
        if found > room || count > last.map_or(0, |l| l + 1) {
            self.stopped();
        }
        None
    }
}

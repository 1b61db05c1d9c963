//! A report packed into one buffer, read on demand (issue 22).
//!
//! A full report as JavaScript objects is some 119 000 values for one city, and building them
//! cost more than the evaluation; a card shows one row. So the engine writes the report once,
//! as the exact bytes of its JSON (what `serde_json` writes, and what the command prints),
//! behind an index of where each member, row, summary, finding and review row starts and
//! ends, with a few keys per row (indicator, unit, level…) to find rows without reading them.
//! JavaScript (`src/wasm/report.js`) decodes only the rows it shows. The buffer is plain bytes:
//! it lives in JavaScript's memory, needs no `free()`, and can be cloned or sent to a Worker.
//!
//! Layout, every word a little-endian `u32`; byte offsets are relative to the start of the
//! report's JSON, which follows the index:
//!
//! | word | holds |
//! |---|---|
//! | 0 | [`MAGIC`] |
//! | 1 | [`FORMAT`] |
//! | 2 | `W`, the number of index words: the JSON starts at byte `4 W` |
//! | 3 | `J`, the JSON's length in bytes |
//! | 4 | `E`, the door's extra part's length (after the JSON), 0 for none |
//! | 5 | `S`, the string table's length (after the extra part): a JSON array of the keys' texts |
//! | 6 | the extra part's kind: 0 none, 1 `portal766` (a member of the report), 2 `sheet` (beside it) |
//! | 7–30 | the spans (start, end) of the report's members, in [`MEMBERS`] order; [`NONE`] twice when absent |
//! | 31, 32 | the review's `from` and `to` ([`NONE`] without a review) |
//! | 33, 34 | the span of the review's `counts` |
//! | 35… | the lists, in [`LISTS`] order: a count `n`, a key width `k`, then `n` rows of (start, end, `k` keys) |
//!
//! Keys are indexes into the string table, or [`NONE`]: results (indicator, unit, level,
//! headline 0/1), level summaries (indicator, level, year), areas (id), findings (indicator,
//! unit, code), review rows (indicator, level).

use serde::Serialize;

use super::{Finding, IndicatorResult, LevelSummary, Report, ReviewRow};

/// `CRP1`: "cchc report, packed", first layout.
pub const MAGIC: u32 = u32::from_le_bytes(*b"CRP1");
/// The layout's version; a reader refuses another.
pub const FORMAT: u32 = 1;
/// An absent span, key or number.
pub const NONE: u32 = u32::MAX;
/// The report's members, in the order its JSON has them.
pub const MEMBERS: [&str; 12] = [
    "plan",
    "label",
    "asOf",
    "locale",
    "options",
    "results",
    "levelSummaries",
    "areas",
    "summary",
    "review",
    "findings",
    "portal766",
];
/// The lists indexed row by row, in the order the index has them, with their key widths.
pub const LISTS: [(&str, usize); 5] = [
    ("results", 4),
    ("levelSummaries", 3),
    ("areas", 1),
    ("findings", 3),
    ("reviewRows", 2),
];

/// A door's part beside the report.
pub enum Extra<'a, T: Serialize> {
    None,
    /// A member of the report (`portal766`), written after its other members, as
    /// `#[serde(flatten)]` writes it.
    Member(&'a T),
    /// A value beside the report (`sheet`: how the sheet was read).
    Beside(&'a T),
}

/// Why a report could not be packed: its JSON could not be written, or it is larger than a
/// 32-bit offset can address.
#[derive(Debug)]
pub struct PackError(pub String);

impl std::fmt::Display for PackError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<serde_json::Error> for PackError {
    fn from(e: serde_json::Error) -> Self {
        PackError(e.to_string())
    }
}

/// The report's JSON as it is written: pieces that are never moved once written. A country's
/// report is some 330 MB; one growing buffer doubled to 512 MB, and copied itself at each
/// doubling and once more behind the index, in WebAssembly memory, which never shrinks.
/// Pieces start small (a card's report is a few kilobytes) and grow to [`Body::MAX_PIECE`].
#[derive(Default)]
struct Body {
    pieces: Vec<Vec<u8>>,
    len: usize,
}

impl Body {
    const FIRST_PIECE: usize = 16 << 10;
    const MAX_PIECE: usize = 4 << 20;

    fn len(&self) -> usize {
        self.len
    }

    fn push(&mut self, b: u8) {
        self.extend_from_slice(&[b]);
    }

    fn extend_from_slice(&mut self, mut bytes: &[u8]) {
        self.len += bytes.len();
        while !bytes.is_empty() {
            let piece = match self.pieces.last_mut() {
                Some(p) if p.len() < p.capacity() => p,
                _ => {
                    let next = self
                        .pieces
                        .last()
                        .map_or(Self::FIRST_PIECE, |p| (p.capacity() * 2).min(Self::MAX_PIECE));
                    self.pieces.push(Vec::with_capacity(next));
                    match self.pieces.last_mut() {
                        Some(p) => p,
                        None => return,
                    }
                }
            };
            let room = piece.capacity() - piece.len();
            let (now, later) = bytes.split_at(room.min(bytes.len()));
            piece.extend_from_slice(now);
            bytes = later;
        }
    }
}

impl std::io::Write for Body {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.extend_from_slice(buf);
        Ok(())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A packed report as its parts, in order: the index, the JSON (in pieces), the door's extra
/// part and the string table. [`Packed::parts`] are copied straight into one JavaScript
/// buffer, so the whole is never put together in WebAssembly memory.
pub struct Packed {
    index: Vec<u8>,
    body: Body,
    tail: Vec<u8>,
}

impl std::fmt::Debug for Packed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Packed({} bytes)", self.len())
    }
}

impl Packed {
    /// The packed report's length in bytes.
    pub fn len(&self) -> usize {
        self.index.len() + self.body.len() + self.tail.len()
    }

    /// Never: a packed report has its index.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The parts, in order.
    pub fn parts(&self) -> impl Iterator<Item = &[u8]> {
        std::iter::once(self.index.as_slice())
            .chain(self.body.pieces.iter().map(Vec::as_slice))
            .chain(std::iter::once(self.tail.as_slice()))
    }

    /// The packed report in one buffer.
    pub fn to_vec(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.len());
        for part in self.parts() {
            out.extend_from_slice(part);
        }
        out
    }
}

/// Packs a report alone.
pub fn pack(report: &Report) -> Result<Vec<u8>, PackError> {
    pack_with::<()>(report, &Extra::None)
}

/// Packs a report with a door's extra part.
pub fn pack_with<T: Serialize>(report: &Report, extra: &Extra<'_, T>) -> Result<Vec<u8>, PackError> {
    Ok(packed_with(report, extra)?.to_vec())
}

/// Packs a report with a door's extra part, as its parts.
pub fn packed_with<T: Serialize>(report: &Report, extra: &Extra<'_, T>) -> Result<Packed, PackError> {
    let extra = ExtraJson::of(extra)?;
    let mut p = Packer::default();
    p.head(report)?;
    for row in &report.results {
        p.result(row)?;
    }
    p.rest(report, &extra)?;
    p.finish(extra)
}

/// A door's part as its JSON, written once: the packer itself is not generic, so its code is
/// in the `.wasm` once, not once per kind of part.
enum ExtraJson {
    None,
    Member(Vec<u8>),
    Beside(Vec<u8>),
}

impl ExtraJson {
    fn of<T: Serialize>(extra: &Extra<'_, T>) -> Result<ExtraJson, PackError> {
        Ok(match extra {
            Extra::None => ExtraJson::None,
            Extra::Member(value) => ExtraJson::Member(serde_json::to_vec(value)?),
            Extra::Beside(value) => ExtraJson::Beside(serde_json::to_vec(value)?),
        })
    }
}

/// Packs a report while it is made (see [`super::Rows`]): its head first, then each
/// row as the evaluation makes it (and drops it), then the rest, from the report the
/// evaluation returns without its rows. The bytes are those of [`packed_with`].
#[derive(Default)]
pub struct Streamer {
    p: Packer,
    failed: Option<PackError>,
}

impl Streamer {
    fn keep(&mut self, r: Result<(), PackError>) {
        if let (Err(e), None) = (r, &self.failed) {
            self.failed = Some(e);
        }
    }

    /// The packed report: `rest` is what the evaluation returned (its rows already written).
    pub fn finish<T: Serialize>(self, rest: &Report, extra: &Extra<'_, T>) -> Result<Packed, PackError> {
        let extra = ExtraJson::of(extra)?;
        self.finish_json(rest, extra)
    }

    fn finish_json(mut self, rest: &Report, extra: ExtraJson) -> Result<Packed, PackError> {
        if let Some(e) = self.failed {
            return Err(e);
        }
        self.p.rest(rest, &extra)?;
        self.p.finish(extra)
    }
}

impl super::Rows for Streamer {
    fn head(&mut self, head: &Report) {
        let r = self.p.head(head);
        self.keep(r);
    }

    fn row(&mut self, row: IndicatorResult) {
        if self.failed.is_none() {
            let r = self.p.result(&row);
            self.keep(r);
        }
    }
}

#[derive(Default)]
struct Packer {
    json: Body,
    /// Where the results' list starts, and its index so far.
    results_at: u32,
    result_rows: Vec<u32>,
    /// One row's JSON, as it is written.
    row_json: Vec<u8>,
    members: [(u32, u32); 12],
    review_head: [u32; 4],
    lists: [Vec<u32>; 5],
    strings: Vec<String>,
    ids: std::collections::HashMap<String, u32>,
}

impl Packer {
    fn at(&self) -> Result<u32, PackError> {
        u32::try_from(self.json.len())
            .ok()
            .filter(|&n| n < NONE)
            .ok_or_else(|| PackError("the report is larger than 4 GiB".to_string()))
    }

    fn id(&mut self, s: &str) -> u32 {
        if let Some(&i) = self.ids.get(s) {
            return i;
        }
        // Fewer texts than bytes of JSON, which `at` keeps below 2^32.
        #[allow(clippy::cast_possible_truncation)]
        let i = self.strings.len() as u32;
        self.strings.push(s.to_string());
        self.ids.insert(s.to_string(), i);
        i
    }

    fn opt_id(&mut self, s: Option<&str>) -> u32 {
        s.map_or(NONE, |s| self.id(s))
    }

    fn key<T: Serialize>(&mut self, value: &T) -> Result<u32, PackError> {
        match serde_json::to_value(value)? {
            serde_json::Value::String(s) => Ok(self.id(&s)),
            _ => Ok(NONE),
        }
    }

    /// Writes `"name":value` (with a comma unless first) and records the value's span.
    fn member<T: Serialize + ?Sized>(&mut self, slot: usize, value: &T) -> Result<(), PackError> {
        if slot > 0 {
            self.json.push(b',');
        }
        let name = MEMBERS.get(slot).copied().unwrap_or_default();
        serde_json::to_writer(&mut self.json, name)?;
        self.json.push(b':');
        let start = self.at()?;
        serde_json::to_writer(&mut self.json, value)?;
        let end = self.at()?;
        if let Some(m) = self.members.get_mut(slot) {
            *m = (start, end);
        }
        Ok(())
    }

    /// Writes a list member `"name":[…]`, each element's span and keys into list `list`.
    fn list<T: Serialize>(
        &mut self,
        slot: usize,
        list: usize,
        rows: &[T],
        keys: impl Fn(&mut Self, &T) -> Result<Vec<u32>, PackError>,
    ) -> Result<(), PackError> {
        self.json.push(b',');
        let name = MEMBERS.get(slot).copied().unwrap_or_default();
        serde_json::to_writer(&mut self.json, name)?;
        self.json.push(b':');
        let start = self.at()?;
        self.rows(list, rows, keys)?;
        let end = self.at()?;
        if let Some(m) = self.members.get_mut(slot) {
            *m = (start, end);
        }
        Ok(())
    }

    /// Writes `[…]`, recording each element's span and keys.
    fn rows<T: Serialize>(
        &mut self,
        list: usize,
        rows: &[T],
        keys: impl Fn(&mut Self, &T) -> Result<Vec<u32>, PackError>,
    ) -> Result<(), PackError> {
        self.json.push(b'[');
        let mut index = Vec::with_capacity(rows.len() * 6);
        for (i, row) in rows.iter().enumerate() {
            if i > 0 {
                self.json.push(b',');
            }
            let (start, end) = self.row(row)?;
            index.push(start);
            index.push(end);
            index.extend(keys(self, row)?);
        }
        self.json.push(b']');
        if let Some(l) = self.lists.get_mut(list) {
            *l = index;
        }
        Ok(())
    }

    /// Writes one element of a list and returns its span. Written whole into a buffer kept
    /// from row to row, then copied once: serde_json's many small writes cost less into a
    /// `Vec` than into the pieces (100 000 rows: 10 % of `report`).
    fn row<T: Serialize>(&mut self, row: &T) -> Result<(u32, u32), PackError> {
        self.row_json.clear();
        serde_json::to_writer(&mut self.row_json, row)?;
        let start = self.at()?;
        self.json.extend_from_slice(&self.row_json);
        Ok((start, self.at()?))
    }

    /// The report's JSON up to its rows, member by member, as its derived `Serialize` writes
    /// it (a test checks the bytes are the same for every fixture): `{"plan":…,"results":[`.
    fn head(&mut self, r: &Report) -> Result<(), PackError> {
        self.json.push(b'{');
        self.member(0, &r.plan)?;
        if let Some(label) = &r.label {
            self.member(1, label)?;
        }
        self.member(2, &r.as_of)?;
        self.member(3, &r.locale)?;
        self.member(4, &r.options)?;
        self.json.push(b',');
        serde_json::to_writer(&mut self.json, MEMBERS.get(5).copied().unwrap_or_default())?;
        self.json.push(b':');
        self.results_at = self.at()?;
        self.json.push(b'[');
        Ok(())
    }

    /// One row of the results, its span and keys.
    fn result(&mut self, row: &IndicatorResult) -> Result<(), PackError> {
        if !self.result_rows.is_empty() {
            self.json.push(b',');
        }
        let (start, end) = self.row(row)?;
        self.result_rows.push(start);
        self.result_rows.push(end);
        let keys = result_keys(self, row)?;
        self.result_rows.extend(keys);
        Ok(())
    }

    /// The rest of the report after its rows: `]` and the other members.
    fn rest(&mut self, r: &Report, extra: &ExtraJson) -> Result<(), PackError> {
        self.json.push(b']');
        let end = self.at()?;
        if let Some(m) = self.members.get_mut(5) {
            *m = (self.results_at, end);
        }
        if let Some(l) = self.lists.get_mut(0) {
            *l = std::mem::take(&mut self.result_rows);
        }
        self.list(6, 1, &r.level_summaries, summary_keys)?;
        self.list(7, 2, &r.areas, |p, a| Ok(vec![p.id(&a.id)]))?;
        self.member(8, &r.summary)?;
        if let Some(review) = &r.review {
            self.json.extend_from_slice(b",\"review\":");
            let start = self.at()?;
            self.json.extend_from_slice(b"{\"from\":");
            serde_json::to_writer(&mut self.json, &review.from)?;
            self.json.extend_from_slice(b",\"to\":");
            serde_json::to_writer(&mut self.json, &review.to)?;
            self.json.extend_from_slice(b",\"rows\":");
            self.rows(4, &review.rows, review_keys)?;
            self.json.extend_from_slice(b",\"counts\":");
            let counts = self.at()?;
            serde_json::to_writer(&mut self.json, &review.counts)?;
            let counts_end = self.at()?;
            self.json.push(b'}');
            let end = self.at()?;
            if let Some(m) = self.members.get_mut(9) {
                *m = (start, end);
            }
            self.review_head = [word(review.from), word(review.to), counts, counts_end];
        } else {
            self.review_head = [NONE; 4];
        }
        self.list(10, 3, &r.findings, finding_keys)?;
        if let ExtraJson::Member(json) = extra {
            self.json.push(b',');
            serde_json::to_writer(&mut self.json, MEMBERS.get(11).copied().unwrap_or_default())?;
            self.json.push(b':');
            let start = self.at()?;
            self.json.extend_from_slice(json);
            let end = self.at()?;
            if let Some(m) = self.members.get_mut(11) {
                *m = (start, end);
            }
        }
        self.json.push(b'}');
        Ok(())
    }

    fn finish(self, extra: ExtraJson) -> Result<Packed, PackError> {
        let mut spans = Vec::with_capacity(24);
        for m in &self.members {
            // No member starts at 0 (the JSON starts with `{"plan":`): (0, 0) is "not written".
            spans.extend(if *m == (0, 0) { [NONE, NONE] } else { [m.0, m.1] });
        }
        let (kind, extra_json) = match extra {
            ExtraJson::None => (0, Vec::new()),
            ExtraJson::Member(_) => (1, Vec::new()),
            ExtraJson::Beside(json) => (2, json),
        };
        let strings = serde_json::to_vec(&self.strings)?;
        let mut words = vec![
            MAGIC,
            FORMAT,
            0,
            self.at()?,
            len32(&extra_json)?,
            len32(&strings)?,
            kind,
        ];
        words.extend(spans);
        words.extend(self.review_head);
        for ((_, width), rows) in LISTS.iter().zip(&self.lists) {
            let n = rows.len() / (2 + width);
            words.push(len32_n(n)?);
            words.push(len32_n(*width)?);
            words.extend(rows);
        }
        let count = len32_n(words.len())?;
        if let Some(w) = words.get_mut(2) {
            *w = count;
        }
        let mut index = Vec::with_capacity(words.len() * 4);
        for w in words {
            index.extend_from_slice(&w.to_le_bytes());
        }
        let mut tail = extra_json;
        tail.extend(strings);
        // The whole, too, is addressed by 32-bit lengths (JavaScript's reader).
        len32_n(index.len() + self.json.len() + tail.len())?;
        Ok(Packed {
            index,
            body: self.json,
            tail,
        })
    }
}

fn word(n: i32) -> u32 {
    u32::try_from(n).unwrap_or(NONE)
}

fn len32(bytes: &[u8]) -> Result<u32, PackError> {
    len32_n(bytes.len())
}

fn len32_n(n: usize) -> Result<u32, PackError> {
    u32::try_from(n)
        .ok()
        .filter(|&n| n < NONE)
        .ok_or_else(|| PackError("the report is larger than 4 GiB".to_string()))
}

fn result_keys(p: &mut Packer, r: &IndicatorResult) -> Result<Vec<u32>, PackError> {
    let level = match &r.level {
        Some(l) => p.key(l)?,
        None => NONE,
    };
    Ok(vec![
        p.id(&r.indicator),
        p.opt_id(r.unit.as_deref()),
        level,
        u32::from(r.headline),
    ])
}

fn summary_keys(p: &mut Packer, s: &LevelSummary) -> Result<Vec<u32>, PackError> {
    Ok(vec![p.id(&s.indicator), p.key(&s.level)?, word(s.year)])
}

fn finding_keys(p: &mut Packer, f: &Finding) -> Result<Vec<u32>, PackError> {
    Ok(vec![
        p.opt_id(f.indicator.as_deref()),
        p.opt_id(f.unit.as_deref()),
        p.key(&f.code)?,
    ])
}

fn review_keys(p: &mut Packer, r: &ReviewRow) -> Result<Vec<u32>, PackError> {
    Ok(vec![p.id(&r.indicator), p.key(&r.level)?])
}

#[cfg(test)]
mod tests {
    use super::Body;

    /// Bytes written in slices of every size land in order, across pieces that never move
    /// and never pass the largest piece's size.
    #[test]
    fn body_keeps_every_byte_in_order() {
        let mut body = Body::default();
        let mut want = Vec::new();
        let mut n: u32 = 1;
        while want.len() < 9 << 20 {
            // Slices of 0 to ~70 000 bytes, of a pattern that shows any byte out of place.
            n = n.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            let size = (n >> 16) as usize % 70_000;
            let slice: Vec<u8> = (0..size).map(|i| (want.len() + i) as u8 ^ (size as u8)).collect();
            body.extend_from_slice(&slice);
            want.extend_from_slice(&slice);
            body.push(b',');
            want.push(b',');
        }
        assert_eq!(body.len(), want.len());
        let got: Vec<u8> = body.pieces.iter().flatten().copied().collect();
        assert_eq!(got, want);
        assert!(body.pieces.len() > 3);
        assert!(body
            .pieces
            .iter()
            .all(|p| p.capacity() <= Body::MAX_PIECE && !p.is_empty()));
        assert_eq!(body.pieces.first().map(Vec::capacity), Some(Body::FIRST_PIECE));
    }
}

//! The parts of format 2 that indicators cite: the documents (decisions, plans) and the
//! sub-periods (phases), and an indicator's references to them.

use std::collections::BTreeSet;

use super::problems::{self, BadPeriod, Listed, Missing};
use super::{duplicate, is_iso_date, Collector};
use crate::messages::Text;
use crate::plan::{Document, Period, Phase, RawDocument, RawIndicator, RawPhase, Source, SourceKind};

/// The documents of a format-2 pack: ids, names and dates.
pub(super) fn documents(c: &mut Collector, raw: &[RawDocument]) -> Vec<Document> {
    if !raw.is_empty() && c.format < 2 {
        c.needs_format_2("$.documents".into(), "documents");
    }
    let mut ids = BTreeSet::new();
    let mut out = Vec::with_capacity(raw.len());
    for (i, d) in raw.iter().enumerate() {
        let path = format!("$.documents[{i}]");
        c.id(format!("{path}.id"), &d.id);
        if !ids.insert(d.id.as_str()) {
            duplicate(c, format!("{path}.id"), &d.id);
        }
        if d.name.vi.trim().is_empty() || d.name.en.trim().is_empty() {
            c.report(format!("{path}.name"), problems::missing_field(Missing::DocumentName));
        }
        if !is_iso_date(&d.date) {
            c.report(format!("{path}.date"), problems::bad_date(&d.date));
        }
        out.push(Document {
            id: d.id.clone(),
            name: d.name.clone(),
            date: d.date.clone(),
            title: d.title.clone(),
            note: d.note.clone(),
        });
    }
    out
}

/// The sub-periods of a format-2 pack: inside the plan's period, in order, without overlap.
pub(super) fn phases(c: &mut Collector, raw: &[RawPhase], period: Option<Period>) -> Vec<Phase> {
    if !raw.is_empty() && c.format < 2 {
        c.needs_format_2("$.phases".into(), "phases");
    }
    let mut ids = BTreeSet::new();
    let mut out: Vec<Phase> = Vec::with_capacity(raw.len());
    for (i, p) in raw.iter().enumerate() {
        let path = format!("$.phases[{i}]");
        c.id(format!("{path}.id"), &p.id);
        if !ids.insert(p.id.as_str()) {
            duplicate(c, format!("{path}.id"), &p.id);
        }
        let inside = period.map_or(true, |pp| p.from >= pp.from && p.to <= pp.to);
        if p.from > p.to || !inside {
            c.report(
                format!("{path}.from"),
                problems::bad_period(BadPeriod::Phase {
                    from: p.from,
                    to: p.to,
                    plan: period.map(|pp| (pp.from, pp.to)),
                }),
            );
        } else if let Some(prev) = out.last().filter(|prev| p.from <= prev.to) {
            c.report(
                format!("{path}.from"),
                problems::bad_period(BadPeriod::PhaseOverlap {
                    from: p.from,
                    to: p.to,
                    before: (prev.from, prev.to),
                }),
            );
        }
        let title = p
            .title
            .clone()
            .unwrap_or_else(|| Text::new(format!("Giai đoạn {}–{}", p.from, p.to), format!("{}–{}", p.from, p.to)));
        out.push(Phase {
            id: p.id.clone(),
            from: p.from,
            to: p.to,
            title,
        });
    }
    out
}

/// The phase an indicator names, if it names one that exists.
pub(super) fn indicator_phase<'p>(
    c: &mut Collector,
    path: &str,
    r: &RawIndicator,
    phases: &'p [Phase],
) -> Option<&'p Phase> {
    let id = r.phase.as_deref()?;
    if c.format < 2 {
        c.needs_format_2(format!("{path}.phase"), "phase");
        return None;
    }
    let found = phases.iter().find(|p| p.id == id);
    if found.is_none() {
        c.report(format!("{path}.phase"), problems::unknown_reference(Listed::Phase, id));
    }
    found
}

/// The source an indicator cites: a listed document, a known kind, the words quoted.
pub(super) fn indicator_source(
    c: &mut Collector,
    path: &str,
    r: &RawIndicator,
    documents: &[Document],
) -> Option<Source> {
    let s = r.source.as_ref()?;
    if c.format < 2 {
        c.needs_format_2(format!("{path}.source"), "source");
        return None;
    }
    let document = documents.iter().find(|d| d.id == s.document);
    if document.is_none() {
        c.report(
            format!("{path}.source.document"),
            problems::unknown_reference(Listed::Document, &s.document),
        );
    }
    let kind = SourceKind::parse(&s.kind);
    if kind.is_none() {
        c.unknown_value(
            format!("{path}.source.kind"),
            &s.kind,
            &["document_text", "press_summary"],
        );
    }
    if s.quoted.trim().is_empty() {
        c.report(
            format!("{path}.source.quoted"),
            problems::missing_field(Missing::SourceQuoted),
        );
    }
    Some(Source {
        document: s.document.clone(),
        document_name: document.map(|d| d.name.clone()).unwrap_or_else(|| Text::new("", "")),
        part: s.part.clone(),
        kind: kind.unwrap_or(SourceKind::DocumentText),
        quoted: s.quoted.clone(),
    })
}

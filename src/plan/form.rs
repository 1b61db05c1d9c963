//! Where a field of a rule pack sits as a form shows it, for error messages a plan owner can
//! act on: `$.indicators[2].deadline` is "chỉ tiêu thứ 3, ô «Thời hạn»" / "target 3, field
//! “Deadline”". The names are those of the schema's descriptions and of the npm README's
//! section on the format.

use crate::messages::Text;

/// The name of each field, in Vietnamese and English, as a form labels it (a table, not a
/// `match`: it is data in the wasm, not code).
const LABELS: &[(&str, &str, &str)] = &[
    ("formatVersion", "Phiên bản định dạng", "Format version"),
    ("plan", "Kế hoạch", "Plan"),
    ("id", "Mã", "Id"),
    ("version", "Phiên bản bộ quy tắc", "Pack version"),
    ("issuer", "Cơ quan ban hành", "Issued by"),
    ("decision", "Văn bản ban hành", "Adopting document"),
    ("number", "Số hiệu", "Number"),
    ("date", "Ngày ban hành", "Date issued"),
    ("title", "Tên", "Title"),
    ("period", "Giai đoạn của kế hoạch", "Plan period"),
    ("from", "Từ năm", "From year"),
    ("to", "Đến năm", "To year"),
    ("sample", "Bộ quy tắc mẫu", "Sample pack"),
    ("methods", "Phương pháp đánh giá", "Assessment method"),
    ("trend", "Đánh giá xu hướng", "Trend method"),
    ("method", "Phương pháp", "Method"),
    ("onTrack", "Ngưỡng đúng tiến độ", "On-track threshold"),
    (
        "needsAcceleration",
        "Ngưỡng cần đẩy nhanh",
        "Needs-acceleration threshold",
    ),
    (
        "limitedProgress",
        "Ngưỡng tiến độ hạn chế",
        "Limited-progress threshold",
    ),
    ("staleAfterMonths", "Số liệu cũ sau (tháng)", "Stale after (months)"),
    ("areas", "Lĩnh vực", "Reform area"),
    ("area", "Lĩnh vực", "Reform area"),
    ("clause", "Khoản", "Clause"),
    ("ramps", "Lộ trình", "Ramp"),
    ("ramp", "Lộ trình", "Ramp"),
    ("quote", "Trích dẫn", "Quotation"),
    ("firstYear", "Năm đầu", "First year"),
    ("lastYear", "Năm cuối", "Last year"),
    ("firstFloors", "Mức sàn năm đầu", "First-year floors"),
    ("step", "Mức tăng mỗi năm", "Yearly rise"),
    ("relativeFactor", "Hệ số tăng mỗi năm", "Yearly factor"),
    ("cap", "Mức trần", "Cap"),
    ("defaultReading", "Cách hiểu mặc định", "Default reading"),
    ("afterLastYear", "Sau năm cuối", "After the last year"),
    ("indicators", "Chỉ tiêu", "Targets"),
    ("measure", "Loại chỉ tiêu", "Kind of target"),
    ("direction", "Chiều tiến bộ", "Better when"),
    ("comparator", "So sánh với mục tiêu", "Compared with the target"),
    ("target", "Mục tiêu", "Target"),
    ("levelTargets", "Mục tiêu theo cấp", "Targets by level"),
    ("levels", "Cấp áp dụng", "Levels"),
    ("aggregation", "Cách tổng hợp", "How figures combine"),
    ("deadline", "Thời hạn", "Deadline"),
    ("parent", "Chỉ tiêu cha", "Parent target"),
    ("denominatorFrom", "Mẫu số lấy từ", "Denominator from"),
    ("baselineYear", "Năm gốc", "Baseline year"),
    ("rankOutOf", "Xếp hạng trên tổng số", "Ranked out of"),
    ("counted", "Đơn vị đếm", "Counted as"),
    ("note", "Ghi chú", "Note"),
    ("documents", "Văn bản", "Document"),
    ("document", "Văn bản", "Document"),
    ("name", "Tên trích dẫn", "Cited as"),
    ("phases", "Giai đoạn", "Phase"),
    ("phase", "Giai đoạn", "Phase"),
    ("scope", "Phạm vi (trong đó)", "Scope (of which)"),
    ("source", "Nguồn", "Source"),
    ("part", "Phần, mục", "Part"),
    ("kind", "Loại nguồn", "Kind of source"),
    ("quoted", "Trích nguyên văn", "Quoted words"),
    ("vi", "tiếng Việt", "Vietnamese"),
    ("en", "tiếng Anh", "English"),
    ("city", "cấp thành phố", "city level"),
    ("district", "cấp huyện", "district level"),
    ("commune", "cấp xã", "commune level"),
    ("department", "sở, ban, ngành", "departments"),
];

/// The name of a field, in Vietnamese and English, as a form labels it.
pub fn field_label(key: &str) -> Option<(&'static str, &'static str)> {
    LABELS.iter().find(|(k, _, _)| *k == key).map(|(_, vi, en)| (*vi, *en))
}

/// The name of an item of a list: "chỉ tiêu thứ 3" / "target 3".
fn item(list: &str, n: usize) -> Option<Text> {
    let (vi, en) = match list {
        "indicators" => ("chỉ tiêu", "target"),
        "areas" => ("lĩnh vực", "area"),
        "ramps" => ("lộ trình", "ramp"),
        "documents" => ("văn bản", "document"),
        "phases" => ("giai đoạn", "phase"),
        _ => return None,
    };
    Some(Text::new(format!("{vi} thứ {n}"), format!("{en} {n}")))
}

enum Segment<'a> {
    Key(&'a str),
    Index(usize),
}

fn segments(path: &str) -> Option<Vec<Segment<'_>>> {
    let mut rest = path.strip_prefix('$')?;
    let mut out = Vec::new();
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('.') {
            let end = r.find(['.', '[']).unwrap_or(r.len());
            out.push(Segment::Key(r.get(..end)?));
            rest = r.get(end..)?;
        } else if let Some(r) = rest.strip_prefix('[') {
            let end = r.find(']')?;
            out.push(Segment::Index(r.get(..end)?.parse().ok()?));
            rest = r.get(end + 1..)?;
        } else {
            return None;
        }
    }
    Some(out)
}

/// Where the value at `path` (a JSON path the engine reports) sits in a form, or `None` for
/// the whole pack.
pub fn place(path: &str) -> Option<Text> {
    let segments = segments(path)?;
    let mut owner: Option<Text> = None;
    let mut names: Vec<(&str, &str)> = Vec::new();
    let mut key_owned = String::new();
    let mut entry: Option<usize> = None;
    let mut i = 0;
    while let Some(s) = segments.get(i) {
        match (s, segments.get(i + 1)) {
            // A top-level list's item: "chỉ tiêu thứ 3".
            (Segment::Key(k), Some(Segment::Index(n))) if names.is_empty() && owner.is_none() => {
                match item(k, n.saturating_add(1)) {
                    Some(t) => owner = Some(t),
                    None => {
                        names.push(field_label(k).unwrap_or((k, k)));
                        entry = Some(n.saturating_add(1));
                    }
                }
                i += 2;
                continue;
            }
            (Segment::Key(k), _) => match field_label(k) {
                Some(label) => names.push(label),
                None => {
                    key_owned = (*k).to_string();
                    names.push(("", ""));
                }
            },
            (Segment::Index(n), _) => entry = Some(n.saturating_add(1)),
        }
        i += 1;
    }
    let join = |vi: bool| {
        names
            .iter()
            .map(|(v, e)| match (v.is_empty(), vi) {
                (true, _) => key_owned.as_str(),
                (false, true) => *v,
                (false, false) => *e,
            })
            .collect::<Vec<_>>()
            .join(" › ")
    };
    let mut vi = String::new();
    let mut en = String::new();
    if let Some(o) = &owner {
        vi.push_str(&o.vi);
        en.push_str(&o.en);
    }
    if !names.is_empty() {
        if !vi.is_empty() {
            vi.push_str(", ");
            en.push_str(", ");
        }
        vi.push_str(&format!("ô «{}»", join(true)));
        en.push_str(&format!("field “{}”", join(false)));
    }
    if let Some(n) = entry {
        vi.push_str(&format!(", mục thứ {n}"));
        en.push_str(&format!(", entry {n}"));
    }
    (!vi.is_empty()).then(|| Text::new(vi, en))
}

/// A message in both languages followed by where the form shows the field at `path`.
pub(crate) fn placed(path: &str, vi: String, en: String) -> (String, String) {
    match place(path) {
        Some(p) => (format!("{vi} ({})", p.vi), format!("{en} ({})", p.en)),
        None => (vi, en),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn paths_read_as_a_form_names_them() {
        let p = |s: &str| place(s).map(|t| (t.vi, t.en));
        assert_eq!(p("$"), None);
        assert_eq!(
            p("$.indicators[2].deadline"),
            Some((
                "chỉ tiêu thứ 3, ô «Thời hạn»".into(),
                "target 3, field “Deadline”".into()
            ))
        );
        assert_eq!(
            p("$.indicators[0].source.kind"),
            Some((
                "chỉ tiêu thứ 1, ô «Nguồn › Loại nguồn»".into(),
                "target 1, field “Source › Kind of source”".into()
            ))
        );
        assert_eq!(
            p("$.indicators[0].levels[1]"),
            Some((
                "chỉ tiêu thứ 1, ô «Cấp áp dụng», mục thứ 2".into(),
                "target 1, field “Levels”, entry 2".into()
            ))
        );
        assert_eq!(
            p("$.plan.decision.date"),
            Some((
                "ô «Kế hoạch › Văn bản ban hành › Ngày ban hành»".into(),
                "field “Plan › Adopting document › Date issued”".into()
            ))
        );
        assert_eq!(
            p("$.indicators[0].levelTargets.province"),
            Some((
                "chỉ tiêu thứ 1, ô «Mục tiêu theo cấp › province»".into(),
                "target 1, field “Targets by level › province”".into()
            ))
        );
    }
}

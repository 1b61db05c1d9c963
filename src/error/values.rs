//! The wording of what is wrong with a JavaScript value read at a door of the engine (an
//! evaluation input, a rule pack): one sentence for both doors, which differ only in what
//! they call the value. Each door's constructor (`input::js_value`, `rule_pack::js_value`)
//! chooses its own code.

/// What the walk of a JavaScript value found wrong (beyond nesting, which each door words).
#[derive(Debug, Clone, Copy)]
pub(crate) enum ValueProblem<'a> {
    /// `NaN` or `±Infinity`.
    NotFinite,
    /// A string with an unpaired UTF-16 surrogate.
    BrokenText,
    /// What is not JSON data; `text` names it (`Map`, `toJSON`, `Date`, …).
    NotData { text: &'a str },
    /// A list of `number` items, over `max`.
    TooLong { number: f64, max: usize },
    /// More values in all than `max`.
    TooMany { max: usize },
    /// A value whose reading throws `text` (or nothing said).
    Unreadable { text: &'a str },
}

/// The sentences, Vietnamese and English, of `problem` in a value that is `what`.
pub(crate) fn words(problem: ValueProblem, what: (&str, &str)) -> (String, String) {
    let (vi_what, en_what) = what;
    match problem {
        ValueProblem::NotFinite => (
            "giá trị phải là một số hữu hạn, không phải `NaN` hay `Infinity`".to_string(),
            "the value must be a finite number, not `NaN` or `Infinity`".to_string(),
        ),
        ValueProblem::BrokenText => (
            "chuỗi có ký tự hỏng (nửa cặp UTF-16 đứng một mình), không đọc được".to_string(),
            "the text has a broken character (an unpaired UTF-16 surrogate) and cannot be read".to_string(),
        ),
        ValueProblem::NotData { text } => {
            let named = match text {
                "toJSON" => ("một đối tượng có `toJSON`", "an object with a `toJSON` method"),
                "Date" => (
                    "một `Date` (hãy ghi ngày dạng chuỗi `YYYY-MM-DD`)",
                    "a `Date` (give dates as text, `YYYY-MM-DD`)",
                ),
                _ => ("", ""),
            };
            let (vi, en) = if named.0.is_empty() {
                (format!("`{text}`"), format!("a `{text}`"))
            } else {
                (named.0.to_string(), named.1.to_string())
            };
            (
                format!("giá trị phải là dữ liệu JSON (chuỗi, số, true/false, đối tượng hoặc mảng), không phải {vi}"),
                format!("the value must be JSON data (a string, number, true/false, object or array), not {en}"),
            )
        }
        ValueProblem::TooLong { number, max } => {
            // Written as `{number}` writes it, without linking core's float formatting.
            let number = crate::messages::display(number);
            (
                format!("danh sách có {number} phần tử, vượt giới hạn {max}"),
                format!("the list has {number} items, above the limit of {max}"),
            )
        }
        ValueProblem::TooMany { max } => (
            format!("{vi_what} có hơn {max} giá trị"),
            format!("{en_what} has more than {max} values"),
        ),
        ValueProblem::Unreadable { text: "" } => (
            format!("không đọc được {vi_what}: đọc giá trị này gây ra lỗi"),
            format!("{en_what} cannot be read: reading this value throws"),
        ),
        ValueProblem::Unreadable { text } => (
            format!("không đọc được {vi_what}: đọc giá trị này gây ra lỗi `{text}`"),
            format!("{en_what} cannot be read: reading this value throws `{text}`"),
        ),
    }
}

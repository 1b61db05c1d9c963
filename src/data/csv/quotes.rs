//! Quoted cells that hold line breaks. A cell cannot hold one here: a quote that is never
//! closed makes every row after it text of that cell, and a quoted cell spanning lines is
//! what two such quotes look like when they pair up across the rows between them. Either
//! way rows would vanish without a word, so the file is refused, with the line and column
//! where the quote opened.

/// A quoted cell that spans lines, found by reading a record's text again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Spanning {
    /// Line (1-based) and column (in characters, 1-based) of the opening quote.
    pub line: u64,
    pub column: usize,
    /// The line of the closing quote, `None` when the text ends first.
    pub closed_on: Option<u64>,
}

/// Whether a record's cells (or a header's) hold a line break: only then is its text read
/// again by [`spanning`].
pub(super) fn has_line_break(cells: &str) -> bool {
    // `contains` on bytes is the standard library's word-at-a-time search.
    let bytes = cells.as_bytes();
    bytes.contains(&b'\n') || bytes.contains(&b'\r')
}

/// The first quoted cell that spans lines in the record that starts at byte `start` of
/// `text` on line `line`, read as the CSV reader reads it: a quote opens a cell only at its
/// start, `""` inside is one quote, and the record ends at a line break outside quotes.
pub(super) fn spanning(text: &str, start: usize, line: u64, delimiter: u8) -> Option<Spanning> {
    let bytes = text.as_bytes();
    let mut i = start;
    let mut line = line;
    let mut line_start = start;
    let mut at_cell_start = true;
    while let Some(&b) = bytes.get(i) {
        if at_cell_start && b == b'"' {
            let (open_line, column) = (line, column(text, line_start, i));
            let mut broke = false;
            i += 1;
            loop {
                match bytes.get(i) {
                    None => {
                        return Some(Spanning {
                            line: open_line,
                            column,
                            closed_on: None,
                        })
                    }
                    Some(b'"') if bytes.get(i + 1) == Some(&b'"') => i += 2,
                    Some(b'"') => {
                        if broke {
                            return Some(Spanning {
                                line: open_line,
                                column,
                                closed_on: Some(line),
                            });
                        }
                        i += 1;
                        break;
                    }
                    Some(&c) => {
                        if c == b'\n' || (c == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
                            broke = true;
                            line += 1;
                            line_start = i + 1;
                        } else if c == b'\r' {
                            broke = true;
                        }
                        i += 1;
                    }
                }
            }
            at_cell_start = false;
            continue;
        }
        if b == b'\n' || b == b'\r' {
            // The end of the record, outside quotes.
            return None;
        }
        at_cell_start = b == delimiter;
        i += 1;
    }
    None
}

/// Where a record really starts, and on which line: the CSV reader puts a record that
/// follows a `\r\n` at its `\n`, still on the line before.
pub(super) fn record_start(text: &str, position: Option<&csv::Position>) -> (usize, u64) {
    let Some(p) = position else {
        return (0, 1);
    };
    let mut at = usize::try_from(p.byte()).unwrap_or(usize::MAX);
    let mut line = p.line();
    while let Some(&b) = text.as_bytes().get(at) {
        match b {
            b'\n' => line += 1,
            b'\r' => {}
            _ => break,
        }
        at += 1;
    }
    (at, line)
}

/// The column (1-based, in characters) of byte `at` on the line starting at `line_start`.
fn column(text: &str, line_start: usize, at: usize) -> usize {
    text.get(line_start..at).map_or(0, |s| s.chars().count()) + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unclosed_quote_is_found_where_it_opened() {
        let text = "a,b\nx,\"khảo sát\ny,z\n";
        let s = spanning(text, 4, 2, b',');
        assert_eq!(
            s,
            Some(Spanning {
                line: 2,
                column: 3,
                closed_on: None
            })
        );
    }

    #[test]
    fn a_closed_quote_across_lines_names_both_lines() {
        let text = "a,b\r\n\"x\r\ny\r\nz\",w\r\n";
        let s = spanning(text, 5, 2, b',');
        assert_eq!(
            s,
            Some(Spanning {
                line: 2,
                column: 1,
                closed_on: Some(4)
            })
        );
    }

    #[test]
    fn quotes_on_one_line_and_quotes_inside_cells_are_not_spanning() {
        assert_eq!(spanning("\"a,\"\"b\"\",c\",d\ne", 0, 1, b','), None);
        assert_eq!(spanning("a\"b,c\nd", 0, 1, b','), None);
        assert_eq!(spanning("a;\"b\nc\";d", 0, 1, b',').map(|s| s.column), None);
        assert_eq!(spanning("a;\"b\nc\";d", 0, 1, b';').map(|s| s.column), Some(3));
    }
}

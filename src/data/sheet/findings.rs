//! What reading a sheet leaves out or guesses, each with where: the sheet's rows and cells
//! in A1 notation, as Excel names them.

use serde::Serialize;

use crate::data::clip;
use crate::messages::Text;

/// The code of a skipped row or cell, or of a guess.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SheetFindingCode {
    // Skipped.
    /// A hidden sheet of the workbook: not read.
    HiddenSheet,
    /// Another sheet than the mapping's: not read.
    OtherSheet,
    /// A row with no text at all.
    BlankRow,
    /// The row of column numbers under the headings (`(1) (2) (3)`, `A B 1 2`).
    ColumnNumbersRow,
    /// A totals row (`Tổng cộng`), which is no unit.
    TotalsRow,
    /// A row with text but no figure in any mapped column: a section heading, a note.
    NoteRow,
    /// A row with figures but no unit.
    NoUnit,
    /// A unit name or code the mapping's table does not have.
    UnknownUnit,
    /// An indicator's cell left empty in a row that has other figures.
    EmptyCell,
    /// A cell that says there is no figure (`-`, `x`, `N/A`).
    DashCell,
    // Guesses.
    /// A heading matched loosely (punctuation, `tỉ`/`tỷ`, tone placement, a longer heading).
    HeadingLooseMatch,
    /// A unit name matched loosely (`UBND`, tone placement, punctuation).
    UnitLooseMatch,
    /// Cells holding formulas: the values Excel saved with the file were used.
    FormulaCachedValue,
    /// Cells formatted as percentages: Excel stores 85,3 % as 0.853, read as 85.3.
    PercentFormat,
    /// Every value of a percentage column lies between 0 and 1: perhaps fractions, not
    /// percentages (0.853 for 85,3 %). Read as written.
    ValuesLookLikeFractions,
    /// The totals row read as the figures of the unit the mapping names (the city).
    TotalsAsUnit,
    /// A period column's days read as the periods that hold them.
    DateReadAsPeriod,
}

/// One skipped row or cell, or one guess.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SheetFinding {
    pub code: SheetFindingCode,
    /// `Biểu 01!A7` (a cell), `Biểu 01!7` (a row), `Biểu 01!C5:C24` (cells), or the sheet's name.
    pub at: String,
    /// The text of the cell concerned (a unit name, a heading), when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    pub message: Text,
}

/// A skipped row or cell, or a guess, at `at` (the text it was about, clipped).
pub(super) fn finding(code: SheetFindingCode, at: String, text: Option<&str>, vi: String, en: String) -> SheetFinding {
    SheetFinding {
        code,
        at,
        text: text.map(clip),
        message: Text::new(vi, en),
    }
}

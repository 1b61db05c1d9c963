//! The data-quality findings a report lists beside its results: their stable codes, their
//! severity, and where each points in the input.

use serde::Serialize;

use crate::messages::Text;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

/// A data-quality finding. Codes are stable; whether an observation is unusable depends only
/// on the code (`unusable`, [`FindingCode::unusable`]).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    pub code: FindingCode,
    pub severity: Severity,
    /// Where in the input: observations are addressed by their key, e.g.
    /// `$.observations[?(@.indicator=='rank.pci' && @.unit=='ct' && @.period=='2023')].rank`,
    /// so the path does not depend on the order of the input.
    pub path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub indicator: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    pub message: TextOrd,
    /// True when the observation was left out of the evaluation.
    pub unusable: bool,
}

/// [`Text`] with an order, so findings sort completely.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct TextOrd {
    pub vi: String,
    pub en: String,
}

impl From<Text> for TextOrd {
    fn from(t: Text) -> Self {
        TextOrd { vi: t.vi, en: t.en }
    }
}

/// Data-quality finding codes.
///
/// Unusable (the observation is left out): `numerator_above_denominator`, `zero_denominator`,
/// `percentage_out_of_range`, `rank_out_of_range`, `negative_count`, `conflicting_duplicate`
/// (every observation of the key), `rank_beyond_out_of`, `unknown_indicator`,
/// `unknown_unit`, `unit_not_valid_in_period`, `level_not_covered`, `kind_mismatch`,
/// `missing_denominator`, `nested_denominator_missing`, `after_as_of` (a warning: the data is
/// not wrong, only later than the report).
///
/// Warnings (the data is used): `duplicate` (one copy kept), `rollup_not_possible` (the
/// unit gets no figure, its units' own figures still count), `stale_data`,
/// `extra_csv_columns`, `series_break` (the trend over the break is marked),
/// `unit_without_parent`, `bidi_control_in_text` (a unit's name or id, or the label, holds
/// bidi controls: the report shows each as a visible mark, `[U+202E]`), and `parent_not_valid`
/// (the unit's figures roll up into its nearest ancestor valid on those days).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingCode {
    NumeratorAboveDenominator,
    ZeroDenominator,
    PercentageOutOfRange,
    RankOutOfRange,
    NegativeCount,
    ConflictingDuplicate,
    Duplicate,
    UnknownIndicator,
    UnknownUnit,
    UnitNotValidInPeriod,
    LevelNotCovered,
    KindMismatch,
    MissingDenominator,
    RollupNotPossible,
    NestedDenominatorMissing,
    StaleData,
    AfterAsOf,
    ExtraCsvColumns,
    /// The units behind a unit's series changed between two of its years, and lineage does
    /// not put both on the same territory (the merged city of 2025).
    SeriesBreak,
    /// A rank beyond the number of provinces its own ranking ranked (`outOf`).
    RankBeyondOutOf,
    /// A district or commune without a parent in an input whose hierarchy has a city-level
    /// top: it is left out of every roll-up.
    UnitWithoutParent,
    /// A unit's `name` or `id`, or the input's `label`, holds bidi controls (U+202A–U+202E,
    /// U+2066–U+2069, U+200E, U+200F, U+061C): the report's names, label and sentences show
    /// each as a visible mark (`[U+202E]`), so no data text can reorder the text around it.
    BidiControlInText,
    /// A unit valid on days its parent id names no valid unit (a commune without a `validTo`
    /// under a district that ended, a commune older than its district): on those days it
    /// attaches to the nearest ancestor valid that day, and its figures roll up there.
    ParentNotValid,
    // The national portal's 766 answers (`src/portal766/`).
    /// A metric with no count behind it (`numerator`/`denominator` `null`) but a `ratio`: the
    /// portal's ratio is used as a percentage, never a count invented for it.
    PortalRatioWithoutCounts,
    /// `0/0`: no dossiers in the period. No data, never 0 % or 100 %.
    PortalNoDossiers,
    /// A metric with neither counts nor a ratio.
    PortalNoFigure,
    /// A `ratio` that disagrees with its numerator and denominator: the counts are used.
    PortalRatioMismatch,
    /// The portal's own doubt about a figure (`dataQualityStatus` / `dataQualityMessage`).
    PortalDataQuality,
    /// Fewer (or more) rows than `pagination.total` over the pages of one period.
    PortalPageMissing,
    /// The same unit twice in one period with the same figures: kept once.
    PortalDuplicateRow,
    /// The same unit twice in one period with different figures: both left out.
    PortalConflictingRows,
    /// A row whose unit the unit mapping does not name: left out.
    PortalUnitNotMapped,
    /// A department mapped to a commune, or a commune to a city-level unit: left out.
    PortalUnitKindMismatch,
    /// A unit's counts equal the province's (a figure set province-wide): left out.
    PortalRepeatsProvince,
}

impl FindingCode {
    /// Whether an observation with this finding is left out of the evaluation.
    pub fn unusable(self) -> bool {
        !matches!(
            self,
            FindingCode::Duplicate
                | FindingCode::RollupNotPossible
                | FindingCode::StaleData
                | FindingCode::ExtraCsvColumns
                | FindingCode::SeriesBreak
                | FindingCode::UnitWithoutParent
                | FindingCode::BidiControlInText
                | FindingCode::ParentNotValid
                | FindingCode::PortalRatioWithoutCounts
                | FindingCode::PortalRatioMismatch
                | FindingCode::PortalDataQuality
                | FindingCode::PortalPageMissing
                | FindingCode::PortalDuplicateRow
        )
    }

    /// Errors are problems in the data; warnings are notes (an observation dated after the
    /// as-of date is left out, but is not wrong).
    pub fn severity(self) -> Severity {
        // No dossiers, no figure, a province-wide figure: left out, but nothing is wrong.
        let quiet = matches!(
            self,
            FindingCode::AfterAsOf
                | FindingCode::PortalNoDossiers
                | FindingCode::PortalNoFigure
                | FindingCode::PortalRepeatsProvince
        );
        if self.unusable() && !quiet {
            Severity::Error
        } else {
            Severity::Warning
        }
    }
}

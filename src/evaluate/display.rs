//! Display rounding: a shown number never contradicts the verdict next to it.
//!
//! Plain rounding would print 59.96 % as `60,0 %` beside "below the floor of 60 %". The
//! policy: round half away from zero to the requested decimals; then, for each threshold the
//! value is judged against (the year's requirement, the deadline target), if the rounded
//! number falls on the other side of it than the true value, round towards the true value's
//! side instead (down for an unmet "at least", up for a met one; the reverse for "at most").
//! A value that meets a threshold is therefore never shown below it, and one that does not
//! is never shown at or above it. When no number with that many decimals can satisfy every
//! threshold at once (two thresholds closer together than one step), one more decimal is
//! used, up to 4.

use crate::messages::{format_number, format_percent, Locale, Text};
use crate::plan::Comparator;

/// A value the shown number must stay on the same side of.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Threshold {
    pub value: f64,
    pub comparator: Comparator,
}

fn round_half_away(value: f64, scale: f64) -> f64 {
    value.signum() * (value.abs() * scale).round() / scale
}

fn consistent(value: f64, shown: f64, thresholds: &[Threshold]) -> bool {
    thresholds
        .iter()
        .all(|t| t.comparator.holds(value, t.value) == t.comparator.holds(shown, t.value))
}

/// One attempt at `decimals` decimals.
fn directed(value: f64, decimals: u8, thresholds: &[Threshold]) -> f64 {
    let scale = 10f64.powi(i32::from(decimals));
    let step = 1.0 / scale;
    let mut shown = round_half_away(value, scale);
    for t in thresholds {
        let truth = t.comparator.holds(value, t.value);
        if truth == t.comparator.holds(shown, t.value) {
            continue;
        }
        // Towards "larger" when the true side is above the threshold, else towards "smaller".
        let up = match (t.comparator, truth) {
            (Comparator::Gte, true) | (Comparator::Lte, false) => true,
            (Comparator::Gte, false) | (Comparator::Lte, true) => false,
        };
        shown = if up {
            (value * scale).ceil() / scale
        } else {
            (value * scale).floor() / scale
        };
        // Floating point can land the product on the wrong integer: step once more.
        if t.comparator.holds(shown, t.value) != truth {
            shown += if up { step } else { -step };
        }
    }
    shown
}

/// The number to show for `value`, and the decimals used (at least `decimals`).
pub fn shown(value: f64, decimals: u8, thresholds: &[Threshold]) -> (f64, u8) {
    let decimals = decimals.min(4);
    for d in decimals..=4 {
        let s = directed(value, d, thresholds);
        if consistent(value, s, thresholds) {
            return (s, d);
        }
    }
    (value, 4)
}

/// A percentage as shown in both languages (`59,9 %`, `59.9%`), one decimal.
pub fn percent_text(value: f64, thresholds: &[Threshold]) -> Text {
    let (v, d) = shown(value, 1, thresholds);
    Text::new(format_percent(v, d, Locale::Vi), format_percent(v, d, Locale::En))
}

/// A whole number as shown in both languages (ranks, counts).
pub fn whole_text(value: f64, thresholds: &[Threshold]) -> Text {
    let (v, d) = shown(value, 0, thresholds);
    Text::new(format_number(v, d, Locale::Vi), format_number(v, d, Locale::En))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gte(v: f64) -> Threshold {
        Threshold {
            value: v,
            comparator: Comparator::Gte,
        }
    }

    fn lte(v: f64) -> Threshold {
        Threshold {
            value: v,
            comparator: Comparator::Lte,
        }
    }

    fn one(value: f64, t: &[Threshold]) -> f64 {
        let (v, d) = shown(value, 1, t);
        assert_eq!(d, 1, "{value}");
        v
    }

    #[test]
    fn unmet_values_are_never_shown_at_the_requirement() {
        assert_eq!(one(59.96, &[gte(60.0)]), 59.9);
        assert_eq!(one(59.95, &[gte(60.0)]), 59.9);
        assert_eq!(one(59.99999999, &[gte(60.0)]), 59.9);
        assert_eq!(one(79.999, &[gte(80.0)]), 79.9);
        assert_eq!(one(99.96, &[gte(100.0)]), 99.9);
        // Away from the boundary, ordinary rounding.
        assert_eq!(one(59.94, &[gte(60.0)]), 59.9);
        assert_eq!(one(59.85, &[gte(60.0)]), 59.9);
        assert_eq!(one(62.46, &[gte(60.0)]), 62.5);
    }

    #[test]
    fn met_values_are_never_shown_below_the_requirement() {
        assert_eq!(one(60.0, &[gte(60.0)]), 60.0);
        assert_eq!(one(60.04, &[gte(60.0)]), 60.0);
        assert_eq!(one(60.06, &[gte(60.0)]), 60.1);
        // A requirement with two decimals (a relative-reading floor, 57.6 × 1.2 = 69.12).
        assert_eq!(one(69.12, &[gte(69.12)]), 69.2);
        assert_eq!(one(69.11, &[gte(69.12)]), 69.1);
    }

    #[test]
    fn at_most_thresholds_round_the_other_way() {
        let r = |v: f64| shown(v, 0, &[lte(15.0)]).0;
        assert_eq!(r(15.0), 15.0);
        assert_eq!(r(15.4), 16.0);
        assert_eq!(r(14.6), 15.0);
        assert_eq!(r(14.5), 15.0);
        assert_eq!(r(16.0), 16.0);
        // Reductions of a count: at most 90 units.
        assert_eq!(shown(90.3, 0, &[lte(90.0)]).0, 91.0);
    }

    #[test]
    fn every_threshold_is_respected_at_once() {
        // Meets the 2024 floor of 75, not the 2025 target of 95.
        assert_eq!(one(94.96, &[gte(75.0), gte(95.0)]), 94.9);
        // Two thresholds closer than a tenth: one more decimal.
        assert_eq!(shown(59.96, 1, &[gte(60.0), gte(59.95)]), (59.96, 2));
    }

    #[test]
    fn without_thresholds_rounding_is_half_away_from_zero() {
        assert_eq!(one(62.45, &[]), 62.5);
        assert_eq!(one(0.05, &[]), 0.1);
    }

    #[test]
    fn texts_follow_the_locale() {
        let t = percent_text(59.96, &[gte(60.0)]);
        assert_eq!(t.vi, "59,9\u{a0}%");
        assert_eq!(t.en, "59.9%");
        assert_eq!(whole_text(1240.0, &[]).vi, "1.240");
    }
}

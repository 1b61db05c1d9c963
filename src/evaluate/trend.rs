//! The status of a target and the CAGR-ratio trend method, as defined for the UN SDG progress
//! chart and used by Open SDG and Statistics Canada:
//!
//! - observed growth `CAGR_obs = (y_i / y_0)^(1 / (t_i − t_0)) − 1`, from the baseline
//!   `(t_0, y_0)` to the latest value `(t_i, y_i)`;
//! - required growth `CAGR_req = (y_T / y_0)^(1 / (T − t_0)) − 1`, from the baseline to the
//!   target `y_T` at the deadline `T`;
//! - `R = d · CAGR_obs / |CAGR_req|`, with `d = +1` when higher is better and `−1` when lower
//!   is better (ranks, counts to reduce);
//! - `R ≥ onTrack` → on track; `needsAcceleration ≤ R < onTrack` → needs acceleration;
//!   `limitedProgress ≤ R < needsAcceleration` → limited progress; below → deteriorating.
//!
//! The thresholds come from the rule pack. The ratio is rounded to 4 decimals *before* it is
//! classified, so the ratio a report shows always agrees with its category (a ratio that
//! prints as `0.6` is never "limited progress").
//!
//! The order of the verdict is fixed by [`status`]: a met target first, then a passed
//! deadline, then the trend.

use crate::plan::TrendParams;
use crate::ramp::round4;
use crate::report::{Reason, Status};

/// The two points and the target the method compares.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TrendInput {
    pub baseline_year: i32,
    pub baseline_value: f64,
    pub latest_year: i32,
    pub latest_value: f64,
    pub target_year: i32,
    pub target_value: f64,
    /// +1 when higher is better, −1 when lower is better.
    pub sign: f64,
}

/// What the method found. Growth rates and the ratio are rounded to 4 decimals.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Trend {
    pub observed_growth: Option<f64>,
    pub required_growth: Option<f64>,
    pub ratio: Option<f64>,
    /// One of the four trend statuses, or why none can be given.
    pub verdict: Result<Status, Reason>,
}

impl Trend {
    /// No trend, for `reason`.
    pub fn insufficient(reason: Reason) -> Trend {
        Trend {
            observed_growth: None,
            required_growth: None,
            ratio: None,
            verdict: Err(reason),
        }
    }
}

/// Compound annual growth from `from` to `to` over `years` years.
fn cagr(from: f64, to: f64, years: i32) -> f64 {
    (to / from).powf(1.0 / f64::from(years)) - 1.0
}

/// The CAGR-ratio method on one series.
pub fn cagr_ratio(params: &TrendParams, i: &TrendInput) -> Trend {
    if i.latest_year <= i.baseline_year {
        return Trend::insufficient(Reason::BaselineIsLatest);
    }
    if i.baseline_value <= 0.0 {
        return Trend::insufficient(Reason::BaselineNotPositive);
    }
    if i.target_year <= i.baseline_year {
        return Trend::insufficient(Reason::DeadlineNotAfterBaseline);
    }
    let observed = cagr(
        i.baseline_value,
        i.latest_value.max(0.0),
        i.latest_year - i.baseline_year,
    );
    let required = cagr(
        i.baseline_value,
        i.target_value.max(0.0),
        i.target_year - i.baseline_year,
    );
    if !observed.is_finite() || !required.is_finite() {
        return Trend::insufficient(Reason::BaselineNotPositive);
    }
    if round4(required) == 0.0 {
        return Trend {
            observed_growth: Some(round4(observed)),
            required_growth: Some(0.0),
            ratio: None,
            verdict: Err(Reason::NoRequiredGrowth),
        };
    }
    let ratio = round4(i.sign * observed / required.abs());
    Trend {
        observed_growth: Some(round4(observed)),
        required_growth: Some(round4(required)),
        ratio: Some(ratio),
        verdict: Ok(classify(params, ratio)),
    }
}

/// The category of a ratio under the rule pack's thresholds.
pub fn classify(params: &TrendParams, ratio: f64) -> Status {
    if ratio >= params.on_track {
        Status::OnTrack
    } else if ratio >= params.needs_acceleration {
        Status::NeedsAcceleration
    } else if ratio >= params.limited_progress {
        Status::LimitedProgress
    } else {
        Status::Deteriorating
    }
}

/// The status, in the method's order: the latest value meets the deadline target → `met`;
/// the deadline has passed → `missed`; otherwise the trend's verdict, or
/// `insufficient_data` with its reason.
pub fn status(meets_target: bool, deadline_passed: bool, trend: &Trend) -> (Status, Option<Reason>) {
    if meets_target {
        (Status::Met, None)
    } else if deadline_passed {
        (Status::Missed, None)
    } else {
        match trend.verdict {
            Ok(s) => (s, None),
            Err(r) => (Status::InsufficientData, Some(r)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Comparator;

    fn params() -> TrendParams {
        TrendParams::default()
    }

    /// Baseline 40 % in 2021, target 90 % in 2023: the required growth is
    /// (90/40)^(1/2) − 1 = 1.5 − 1 = 0.5 a year. The latest value is for 2022, so the
    /// observed growth is simply latest/40 − 1, and R = that / 0.5.
    fn higher(latest: f64) -> Trend {
        cagr_ratio(
            &params(),
            &TrendInput {
                baseline_year: 2021,
                baseline_value: 40.0,
                latest_year: 2022,
                latest_value: latest,
                target_year: 2023,
                target_value: 90.0,
                sign: 1.0,
            },
        )
    }

    #[test]
    fn required_growth_is_computed_from_baseline_to_target() {
        assert_eq!(higher(59.0).required_growth, Some(0.5));
    }

    #[test]
    fn ratio_exactly_095_is_on_track() {
        // 59/40 − 1 = 0.475; 0.475 / 0.5 = 0.95.
        let t = higher(59.0);
        assert_eq!(t.observed_growth, Some(0.475));
        assert_eq!(t.ratio, Some(0.95));
        assert_eq!(t.verdict, Ok(Status::OnTrack));
        // Just below: 58.96/40 − 1 = 0.474 → R = 0.948.
        assert_eq!(higher(58.96).ratio, Some(0.948));
        assert_eq!(higher(58.96).verdict, Ok(Status::NeedsAcceleration));
    }

    #[test]
    fn ratio_exactly_06_needs_acceleration() {
        // 52/40 − 1 = 0.3; 0.3 / 0.5 = 0.6.
        let t = higher(52.0);
        assert_eq!(t.ratio, Some(0.6));
        assert_eq!(t.verdict, Ok(Status::NeedsAcceleration));
        // 51.96/40 − 1 = 0.299 → R = 0.598.
        assert_eq!(higher(51.96).verdict, Ok(Status::LimitedProgress));
    }

    #[test]
    fn ratio_exactly_0_is_limited_progress() {
        let t = higher(40.0);
        assert_eq!(t.observed_growth, Some(0.0));
        assert_eq!(t.ratio, Some(0.0));
        assert_eq!(t.verdict, Ok(Status::LimitedProgress));
        // 39.96/40 − 1 = −0.001 → R = −0.002.
        assert_eq!(higher(39.96).ratio, Some(-0.002));
        assert_eq!(higher(39.96).verdict, Ok(Status::Deteriorating));
    }

    #[test]
    fn lower_is_better_ranks() {
        // Rank 40 in 2021, target rank 10 in 2023: required (10/40)^(1/2) − 1 = −0.5.
        // d = −1, so R = −CAGR_obs / 0.5.
        let rank = |latest: f64| {
            cagr_ratio(
                &params(),
                &TrendInput {
                    baseline_year: 2021,
                    baseline_value: 40.0,
                    latest_year: 2022,
                    latest_value: latest,
                    target_year: 2023,
                    target_value: 10.0,
                    sign: -1.0,
                },
            )
        };
        // 21/40 − 1 = −0.475 → R = 0.95.
        let t = rank(21.0);
        assert_eq!(t.required_growth, Some(-0.5));
        assert_eq!(t.ratio, Some(0.95));
        assert_eq!(t.verdict, Ok(Status::OnTrack));
        // 28/40 − 1 = −0.3 → R = 0.6.
        assert_eq!(rank(28.0).verdict, Ok(Status::NeedsAcceleration));
        // No change → R = 0.
        assert_eq!(rank(40.0).verdict, Ok(Status::LimitedProgress));
        // Falling back to 41st: 41/40 − 1 = 0.025 → R = −0.05.
        assert_eq!(rank(41.0).ratio, Some(-0.05));
        assert_eq!(rank(41.0).verdict, Ok(Status::Deteriorating));
    }

    #[test]
    fn growth_over_several_years_is_compounded() {
        // 10 → 40 over 2 years: (4)^(1/2) − 1 = 1; target 80 by 3 years: 8^(1/3) − 1 = 1.
        let t = cagr_ratio(
            &params(),
            &TrendInput {
                baseline_year: 2021,
                baseline_value: 10.0,
                latest_year: 2023,
                latest_value: 40.0,
                target_year: 2024,
                target_value: 80.0,
                sign: 1.0,
            },
        );
        assert_eq!(t.observed_growth, Some(1.0));
        assert_eq!(t.required_growth, Some(1.0));
        assert_eq!(t.ratio, Some(1.0));
    }

    #[test]
    fn target_exactly_met_wins_over_the_trend() {
        // 80 % against "at least 80 %" is met even though the series fell.
        let falling = higher(39.0);
        assert_eq!(falling.verdict, Ok(Status::Deteriorating));
        let meets = Comparator::Gte.holds(80.0, 80.0);
        assert_eq!(status(meets, false, &falling), (Status::Met, None));
        // Rank exactly 15 against "rank ≤ 15".
        assert_eq!(
            status(Comparator::Lte.holds(15.0, 15.0), true, &falling),
            (Status::Met, None)
        );
        // 15 is not met for "≥ 15.01"; after the deadline that is missed.
        assert_eq!(
            status(Comparator::Gte.holds(15.0, 15.01), true, &falling),
            (Status::Missed, None)
        );
    }

    #[test]
    fn cases_without_a_trend_say_why() {
        let base = TrendInput {
            baseline_year: 2022,
            baseline_value: 40.0,
            latest_year: 2022,
            latest_value: 45.0,
            target_year: 2025,
            target_value: 80.0,
            sign: 1.0,
        };
        assert_eq!(cagr_ratio(&params(), &base).verdict, Err(Reason::BaselineIsLatest));
        let zero = TrendInput {
            baseline_value: 0.0,
            latest_year: 2023,
            ..base
        };
        assert_eq!(cagr_ratio(&params(), &zero).verdict, Err(Reason::BaselineNotPositive));
        let flat = TrendInput {
            target_value: 40.0,
            latest_year: 2023,
            ..base
        };
        assert_eq!(cagr_ratio(&params(), &flat).verdict, Err(Reason::NoRequiredGrowth));
        assert_eq!(
            status(false, false, &cagr_ratio(&params(), &flat)),
            (Status::InsufficientData, Some(Reason::NoRequiredGrowth))
        );
    }
}

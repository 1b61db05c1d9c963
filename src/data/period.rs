//! Dates and reporting periods ("kỳ báo cáo"): a year, a half-year, a quarter or a month, as
//! the plan asks for yearly, 6-monthly and quarterly reports.

use std::fmt;

use crate::vocab::days_in_month;

/// The years a period or a date may name; anything else is a typing slip.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// A calendar date (ISO `YYYY-MM-DD`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// Parses `YYYY-MM-DD`, checking that the day exists and the year is in [`YEARS`].
    pub fn parse(s: &str) -> Option<Date> {
        let mut parts = s.split('-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        if !(y.bytes().chain(m.bytes()).chain(d.bytes())).all(|b| b.is_ascii_digit()) {
            return None;
        }
        let year: i32 = y.parse().ok()?;
        let month: u32 = m.parse().ok()?;
        let day: u32 = d.parse().ok()?;
        if !YEARS.contains(&year) || !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// The last day of `month` in `year`.
    pub fn end_of_month(year: i32, month: u32) -> Date {
        Date {
            year,
            month,
            day: days_in_month(year, month),
        }
    }

    /// Day of the year, 1 to 366.
    pub fn ordinal(self) -> u32 {
        (1..self.month).map(|m| days_in_month(self.year, m)).sum::<u32>() + self.day
    }

    /// The time axis of the trend method, in years: a yearly value of year `Y` stands at `Y`
    /// (the end of that year), so the end of day of `self` stands at
    /// `year − 1 + ordinal / days in year` (31 December 2024 → 2024.0).
    pub fn as_year_fraction(self) -> f64 {
        let days_in_year: u32 = (1..=12).map(|m| days_in_month(self.year, m)).sum();
        f64::from(self.year - 1) + f64::from(self.ordinal()) / f64::from(days_in_year)
    }

    /// 1 January of `year`.
    pub fn start_of_year(year: i32) -> Date {
        Date { year, month: 1, day: 1 }
    }

    /// 31 December of `year`.
    pub fn end_of_year(year: i32) -> Date {
        Date {
            year,
            month: 12,
            day: 31,
        }
    }

    /// The day before.
    pub fn previous_day(self) -> Date {
        if self.day > 1 {
            Date {
                day: self.day - 1,
                ..self
            }
        } else if self.month > 1 {
            Date::end_of_month(self.year, self.month - 1)
        } else {
            Date::end_of_year(self.year.saturating_sub(1))
        }
    }

    /// The day after.
    pub fn next_day(self) -> Date {
        if self.day < days_in_month(self.year, self.month) {
            Date {
                day: self.day + 1,
                ..self
            }
        } else if self.month < 12 {
            Date {
                month: self.month + 1,
                day: 1,
                ..self
            }
        } else {
            Date::start_of_year(self.year.saturating_add(1))
        }
    }

    /// Whether this is 31 December.
    pub fn is_end_of_year(self) -> bool {
        self.month == 12 && self.day == 31
    }

    /// The same day `months` months earlier, moved to the month's end if it has fewer days.
    pub fn months_before(self, months: u32) -> Date {
        let total = i64::from(self.year) * 12 + i64::from(self.month) - 1 - i64::from(months);
        let year = i32::try_from(total.div_euclid(12)).unwrap_or(i32::MIN);
        let month = u32::try_from(total.rem_euclid(12) + 1).unwrap_or(1);
        Date {
            year,
            month,
            day: self.day.min(days_in_month(year, month)),
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// The part of a year a period covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Part {
    Year,
    /// 1 or 2.
    Half(u8),
    /// 1 to 4.
    Quarter(u8),
    /// 1 to 12.
    Month(u8),
}

/// A reporting period: `2023`, `2023-H1`, `2023-Q2` or `2023-05`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Period {
    pub year: i32,
    pub part: Part,
}

/// Why a period did not parse.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodError {
    /// Not one of the four forms.
    Invalid,
    /// A well-formed period whose year is outside [`YEARS`].
    YearOutOfRange(i32),
}

impl Period {
    /// Parses a period; `q` and `h` may be lower case.
    pub fn parse(s: &str) -> Result<Period, PeriodError> {
        let s = s.trim();
        let (y, rest) = match s.split_once('-') {
            Some((y, r)) => (y, Some(r)),
            None => (s, None),
        };
        if y.len() != 4 || !y.bytes().all(|b| b.is_ascii_digit()) {
            return Err(PeriodError::Invalid);
        }
        let year: i32 = y.parse().map_err(|_| PeriodError::Invalid)?;
        let part = match rest {
            None => Part::Year,
            Some(r) => Self::parse_part(r).ok_or(PeriodError::Invalid)?,
        };
        if !YEARS.contains(&year) {
            return Err(PeriodError::YearOutOfRange(year));
        }
        Ok(Period { year, part })
    }

    fn parse_part(r: &str) -> Option<Part> {
        let digits = |t: &str| -> Option<u8> {
            if t.is_empty() || t.len() > 2 || !t.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            t.parse().ok()
        };
        if let Some(n) = r.strip_prefix(['H', 'h']) {
            let n = digits(n)?;
            return (1..=2).contains(&n).then_some(Part::Half(n));
        }
        if let Some(n) = r.strip_prefix(['Q', 'q']) {
            let n = digits(n)?;
            return (1..=4).contains(&n).then_some(Part::Quarter(n));
        }
        if r.len() != 2 {
            return None;
        }
        let n = digits(r)?;
        (1..=12).contains(&n).then_some(Part::Month(n))
    }

    /// A whole year.
    pub fn year(year: i32) -> Period {
        Period { year, part: Part::Year }
    }

    /// A number in the order of periods (see `Ord`), for years from 1900 to 2411 (all of
    /// [`YEARS`]): 17 bits.
    pub(crate) fn order_key(self) -> Option<u32> {
        let year = u32::try_from(self.year.checked_sub(*YEARS.start())?)
            .ok()
            .filter(|y| *y < 512)?;
        let (first, last) = self.months();
        Some(year << 8 | first << 4 | (15 - last))
    }

    /// First and last month, 1-based.
    fn months(self) -> (u32, u32) {
        match self.part {
            Part::Year => (1, 12),
            Part::Half(h) => {
                let h = u32::from(h);
                (6 * h - 5, 6 * h)
            }
            Part::Quarter(q) => {
                let q = u32::from(q);
                (3 * q - 2, 3 * q)
            }
            Part::Month(m) => (u32::from(m), u32::from(m)),
        }
    }

    pub fn start(self) -> Date {
        Date {
            year: self.year,
            month: self.months().0,
            day: 1,
        }
    }

    pub fn end(self) -> Date {
        Date::end_of_month(self.year, self.months().1)
    }

    /// Length in months.
    pub fn span(self) -> u32 {
        let (a, b) = self.months();
        b + 1 - a
    }

    /// The order in which a year's periods compete to be its value: the latest end wins, and
    /// on the same end the longer period (the annual report wins over Q4 and December).
    pub fn yearly_precedence(self) -> (Date, u32) {
        (self.end(), self.span())
    }

    /// The canonical text: `2023`, `2023-H1`, `2023-Q2`, `2023-05`. Written digit by digit
    /// (a report writes one or more per row: through `fmt` they were 5 % of a 100 000-row
    /// evaluation); the same text as [`fmt::Display`].
    pub fn code(self) -> String {
        let digit = |d: u32| char::from_digit(d % 10, 10).unwrap_or('0');
        let (Ok(year @ 0..=9999), small) = (
            u32::try_from(self.year),
            match self.part {
                Part::Year => None,
                Part::Half(n) | Part::Quarter(n) | Part::Month(n) => Some(u32::from(n)),
            },
        ) else {
            return self.to_string();
        };
        if small.is_some_and(|n| n > 99) {
            return self.to_string();
        }
        let mut s = String::with_capacity(7);
        for d in [year / 1000, year / 100, year / 10, year] {
            s.push(digit(d));
        }
        match (self.part, small) {
            (Part::Half(_), Some(n)) if n < 10 => s.extend(['-', 'H', digit(n)]),
            (Part::Quarter(_), Some(n)) if n < 10 => s.extend(['-', 'Q', digit(n)]),
            (Part::Month(_), Some(n)) => s.extend(['-', digit(n / 10), digit(n)]),
            (Part::Year, _) => {}
            _ => return self.to_string(),
        }
        s
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.part {
            Part::Year => write!(f, "{:04}", self.year),
            Part::Half(h) => write!(f, "{:04}-H{h}", self.year),
            Part::Quarter(q) => write!(f, "{:04}-Q{q}", self.year),
            Part::Month(m) => write!(f, "{:04}-{m:02}", self.year),
        }
    }
}

impl PartialOrd for Period {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Period {
    /// By start, then by end: `2023` < `2023-H1` < `2023-Q1` < `2023-01` < `2023-Q2`.
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        // The same order on (year, first month, last month): a period starts on the 1st and
        // ends in its own year, so its dates differ exactly when these months do. Evaluation
        // sorts every observation by period, and building both dates cost more than the sort.
        let ((a0, a1), (b0, b1)) = (self.months(), other.months());
        (self.year, a0, std::cmp::Reverse(a1)).cmp(&(other.year, b0, std::cmp::Reverse(b1)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_code_is_the_displayed_text() {
        for year in [-5, 0, 7, 999, 1900, 2023, 2200, 9999, 10_000, 123_456] {
            for part in [
                Part::Year,
                Part::Half(1),
                Part::Half(2),
                Part::Half(12),
                Part::Quarter(4),
                Part::Month(1),
                Part::Month(12),
                Part::Month(99),
                Part::Month(123),
            ] {
                let p = Period { year, part };
                assert_eq!(p.code(), p.to_string(), "{p:?}");
            }
        }
    }

    #[test]
    fn days_before_and_after_cross_months_and_years() {
        let d = |s: &str| Date::parse(s).unwrap();
        assert_eq!(d("2025-07-01").previous_day(), d("2025-06-30"));
        assert_eq!(d("2025-01-01").previous_day(), d("2024-12-31"));
        assert_eq!(d("2024-03-01").previous_day(), d("2024-02-29"));
        assert_eq!(d("2025-06-30").next_day(), d("2025-07-01"));
        assert_eq!(d("2024-12-31").next_day(), d("2025-01-01"));
        assert_eq!(d("2023-02-28").next_day(), d("2023-03-01"));
        assert!(d("2025-12-31").is_end_of_year() && !d("2025-12-30").is_end_of_year());
    }

    #[test]
    fn order_key_orders_as_periods_do() {
        let parts = [
            Part::Year,
            Part::Half(1),
            Part::Half(2),
            Part::Quarter(1),
            Part::Quarter(2),
            Part::Quarter(3),
            Part::Quarter(4),
            Part::Month(1),
            Part::Month(6),
            Part::Month(7),
            Part::Month(12),
        ];
        let years = [*YEARS.start(), 2022, 2023, *YEARS.end()];
        let all: Vec<Period> = years
            .iter()
            .flat_map(|&year| parts.iter().map(move |&part| Period { year, part }))
            .collect();
        for a in &all {
            for b in &all {
                assert_eq!(a.order_key().cmp(&b.order_key()), a.cmp(b), "{a} {b}");
            }
        }
        assert_eq!(Period::year(*YEARS.start() - 1).order_key(), None);
        assert_eq!(Period::year(*YEARS.start() + 512).order_key(), None);
        assert!(Period::year(*YEARS.start() + 511)
            .order_key()
            .is_some_and(|k| k < 1 << 17));
    }

    #[test]
    fn the_four_forms_parse_and_print_canonically() {
        for (input, code, start, end) in [
            ("2023", "2023", "2023-01-01", "2023-12-31"),
            ("2023-H2", "2023-H2", "2023-07-01", "2023-12-31"),
            ("2024-q1", "2024-Q1", "2024-01-01", "2024-03-31"),
            ("2024-02", "2024-02", "2024-02-01", "2024-02-29"),
        ] {
            let p = Period::parse(input).unwrap();
            assert_eq!(p.code(), code);
            assert_eq!(p.start().to_string(), start);
            assert_eq!(p.end().to_string(), end);
        }
    }

    #[test]
    fn malformed_periods_are_rejected() {
        for bad in [
            "2023-13",
            "2023.5",
            "2023-H3",
            "2023-Q0",
            "23",
            "2023-1",
            "2023-",
            "",
            "2023-05-01",
        ] {
            assert_eq!(Period::parse(bad), Err(PeriodError::Invalid), "{bad}");
        }
        assert_eq!(Period::parse("1899"), Err(PeriodError::YearOutOfRange(1899)));
        assert_eq!(Period::parse("2201-Q1"), Err(PeriodError::YearOutOfRange(2201)));
    }

    #[test]
    fn the_order_is_by_start_then_by_later_end_first() {
        let mut all = Vec::new();
        for year in [2023, 2024] {
            all.push(Period::year(year));
            all.extend((1..=2).map(|h| Period {
                year,
                part: Part::Half(h),
            }));
            all.extend((1..=4).map(|q| Period {
                year,
                part: Part::Quarter(q),
            }));
            all.extend((1..=12).map(|m| Period {
                year,
                part: Part::Month(m),
            }));
        }
        for a in &all {
            for b in &all {
                let by_dates = (a.start(), std::cmp::Reverse(a.end())).cmp(&(b.start(), std::cmp::Reverse(b.end())));
                assert_eq!(a.cmp(b), by_dates, "{a} {b}");
            }
        }
    }

    #[test]
    fn the_annual_report_wins_ties_with_q4_and_december() {
        let y = Period::parse("2023").unwrap().yearly_precedence();
        let q4 = Period::parse("2023-Q4").unwrap().yearly_precedence();
        let dec = Period::parse("2023-12").unwrap().yearly_precedence();
        let h1 = Period::parse("2023-H1").unwrap().yearly_precedence();
        assert!(y > q4 && q4 > dec && dec > h1);
    }

    #[test]
    fn dates_validate_and_convert_to_the_trend_time_axis() {
        assert!(Date::parse("2024-02-29").is_some());
        assert!(Date::parse("2023-02-29").is_none());
        assert!(Date::parse("2024-6-30").is_none());
        assert_eq!(Date::parse("2024-12-31").unwrap().as_year_fraction(), 2024.0);
        let mid = Date::parse("2024-06-30").unwrap().as_year_fraction();
        assert!((mid - (2023.0 + 182.0 / 366.0)).abs() < 1e-12);
        assert_eq!(
            Date::parse("2024-03-31").unwrap().months_before(1).to_string(),
            "2024-02-29"
        );
        assert_eq!(
            Date::parse("2024-01-15").unwrap().months_before(12).to_string(),
            "2023-01-15"
        );
    }
}

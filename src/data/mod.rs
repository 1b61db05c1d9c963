//! The portal's data: units of the administrative hierarchy, observations per indicator,
//! unit and period, and the options of an evaluation. Read from JSON (camelCase) or CSV.

/// Days in `month` (1–12) of `year` in the Gregorian calendar.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

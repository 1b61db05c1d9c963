//! `str::parse::<f64>`, without its 10 KB table.
//!
//! CSV cells are numbers in text. The standard library reads them with the Eisel–Lemire
//! algorithm, whose table of powers of five is 10.4 KB of wasm that gzip cannot shrink. Here
//! the same grammar is read and every number is rounded correctly too, so the results are the
//! standard library's, bit for bit: exactly when the digits fit in 53 bits and the power of
//! ten in ±22 (one exact IEEE operation: every figure a portal exports), otherwise by
//! "simple decimal conversion" (Nigel Tao, after Ken Thompson): the digits, at most 768 of
//! them plus whether more were dropped, are halved or doubled in decimal until they lie in
//! [½, 1), then shifted by 53 bits and rounded half to even.
//!
//! Measured again (issue 23.5, 2026-12-07; `tests/bench/replacements.rs`, callgrind
//! instruction counts of the native bench build): on every number cell of the S and M CSV
//! (29 819 and 221 016 cells of 1–4 characters) this reader takes 1.25× the instructions of
//! `str::parse::<f64>` (4.73 M against 3.78 M at S; 35.0 M against 28.0 M at M, about 30
//! instructions a cell), and `lexical-core` 1.0 and `fast-float2` 0.2 about as many as the
//! standard library (3.75 M and 3.54 M at S); on 17-digit numbers, its slow path, 15.6× (5 100
//! instructions a number against 330). But the standard library's reader in its place makes
//! the `.wasm` 14 291 B bigger, **12 290 B gzipped** (the widgets' 14 293 / 12 102 B), for
//! about 1 % of an evaluation from CSV: it stays. (`fast-float2` is the same algorithm with
//! the same table; `lexical-core`'s `compact` build, without it, still adds 9 589 B, 3 150 B
//! gzipped.)

/// The same as `s.parse::<f64>().ok()`.
pub(crate) fn parse_f64(s: &str) -> Option<f64> {
    let (negative, body) = match s.as_bytes().first() {
        Some(b'-') => (true, s.get(1..)?),
        Some(b'+') => (false, s.get(1..)?),
        Some(_) => (false, s),
        None => return None,
    };
    if body.is_empty() {
        return None;
    }
    let magnitude = match exact(body.as_bytes()) {
        Some(Some(v)) => v,
        Some(None) => Decimal::parse(body.as_bytes())?.into_f64(),
        None => special(body)?,
    };
    Some(if negative { -magnitude } else { magnitude })
}

/// `inf`, `infinity` and `nan`, in any case.
fn special(s: &str) -> Option<f64> {
    if s.eq_ignore_ascii_case("inf") || s.eq_ignore_ascii_case("infinity") {
        Some(f64::INFINITY)
    } else if s.eq_ignore_ascii_case("nan") {
        Some(f64::NAN)
    } else {
        None
    }
}

/// Walks `digits [. digits] [(e|E) [+|-] digits]`, with at least one digit before the
/// exponent, as the standard library reads it: gives `digit` each digit and whether it comes
/// after the dot, and returns the exponent (whose digits stop counting once it passes
/// 65 535, as there). `None` when `s` is not such a number.
fn walk(s: &[u8], mut digit: impl FnMut(u8, bool)) -> Option<i64> {
    let mut rest = s;
    let (mut seen, mut after_dot) = (false, false);
    while let Some((&c, tail)) = rest.split_first() {
        match c {
            b'0'..=b'9' => {
                seen = true;
                digit(c - b'0', after_dot);
            }
            b'.' if !after_dot => after_dot = true,
            _ => break,
        }
        rest = tail;
    }
    if !seen {
        return None;
    }
    let mut exponent = 0i64;
    if let Some((&(b'e' | b'E'), tail)) = rest.split_first() {
        let (negative, tail) = match tail.split_first() {
            Some((b'-', t)) => (true, t),
            Some((b'+', t)) => (false, t),
            _ => (false, tail),
        };
        let count = tail.iter().take_while(|c| c.is_ascii_digit()).count();
        if count == 0 {
            return None;
        }
        for c in tail.get(..count).unwrap_or_default() {
            if exponent < 0x10000 {
                exponent = 10 * exponent + i64::from(c - b'0');
            }
        }
        if negative {
            exponent = -exponent;
        }
        rest = tail.get(count..).unwrap_or_default();
    }
    rest.is_empty().then_some(exponent)
}

/// Powers of ten that are exact doubles.
const EXACT_POWERS: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
    1e21, 1e22,
];

/// `s` read exactly, without allocating, when its digits make an integer of at most 2^53
/// and the power of ten is within ±22: both are exact doubles, so one IEEE multiplication or
/// division rounds correctly. `Some(None)` for a number that needs [`Decimal`]; `None` when
/// `s` is not a number.
fn exact(s: &[u8]) -> Option<Option<f64>> {
    let (mut m, mut digits, mut after_dot, mut overflow) = (0u64, 0u32, 0i64, false);
    let exponent = walk(s, |d, after| {
        if m == 0 && d == 0 {
            // A leading zero adds nothing but its place.
        } else if digits < 19 {
            m = m * 10 + u64::from(d);
            digits += 1;
        } else {
            overflow = true;
            return;
        }
        if after {
            after_dot += 1;
        }
    })?;
    let e = exponent - after_dot;
    if overflow || m > 1 << 53 {
        return Some(None);
    }
    #[allow(clippy::cast_precision_loss)] // m ≤ 2^53: exact
    let m = m as f64;
    let power = usize::try_from(e.unsigned_abs()).ok().and_then(|i| EXACT_POWERS.get(i));
    Some(power.map(|p| if e < 0 { m / p } else { m * p }))
}

/// A non-negative decimal `0.d₁d₂d₃… × 10^point`, with no leading or trailing zero digit.
struct Decimal {
    digits: Vec<u8>,
    point: i64,
    /// Non-zero digits were dropped after the last one kept.
    truncated: bool,
}

impl Decimal {
    /// Enough digits to round any decimal to a double: the exact halfway points between two
    /// doubles have at most 767 significant digits.
    const MAX_DIGITS: usize = 768;

    /// `s`'s digits (see [`walk`]).
    fn parse(s: &[u8]) -> Option<Decimal> {
        let mut d = Decimal {
            digits: Vec::new(),
            point: 0,
            truncated: false,
        };
        let exponent = walk(s, |c, after_dot| {
            if c == 0 && d.digits.is_empty() {
                // A leading zero: after the dot it moves the point.
                if after_dot {
                    d.point -= 1;
                }
            } else {
                d.digits.push(c);
                if !after_dot {
                    d.point += 1;
                }
            }
        })?;
        d.point += exponent;
        d.trim();
        if d.digits.len() > Self::MAX_DIGITS {
            d.digits.truncate(Self::MAX_DIGITS);
            d.truncated = true;
            d.trim();
        }
        Some(d)
    }

    /// Drops trailing zero digits.
    fn trim(&mut self) {
        while self.digits.last() == Some(&0) {
            self.digits.pop();
        }
    }

    /// The nearest double, ties to even.
    fn into_f64(mut self) -> f64 {
        if self.digits.is_empty() || self.point < -324 {
            return 0.0;
        }
        if self.point >= 310 {
            return f64::INFINITY;
        }
        // Halve toward [½, 1): by up to 60 bits at a time, about 10^point each time.
        let mut exp2 = 0i64;
        while self.point > 0 {
            let shift = shift_for(self.point);
            self.halve(shift);
            exp2 += i64::from(shift);
        }
        // Double until in [½, 1): never past 1.
        while self.point < 0 || self.digits.first().is_some_and(|d| *d < 5) {
            let shift = match (self.point, self.digits.first()) {
                (0, Some(0 | 1)) => 2,
                (0, _) => 1,
                (p, _) => shift_for(-p),
            };
            self.double(shift);
            exp2 -= i64::from(shift);
        }
        // The value is 0.5 ≤ v < 1 times 2^exp2, that is (2v) × 2^(exp2 - 1). Below the
        // least normal exponent the value is halved to a subnormal.
        exp2 -= 1;
        while exp2 < -1022 {
            let shift = u32::try_from(-1022 - exp2).unwrap_or(60).min(60);
            self.halve(shift);
            exp2 += i64::from(shift);
        }
        if exp2 > 1023 {
            return f64::INFINITY;
        }
        self.double(53);
        let mut mantissa = self.round();
        if mantissa >= 1 << 53 {
            // Rounded up to the next power of two.
            self.halve(1);
            exp2 += 1;
            mantissa = self.round();
            if exp2 > 1023 {
                return f64::INFINITY;
            }
        }
        // Bits: a subnormal (biased exponent 0) when the hidden bit is not set.
        let biased = if mantissa < 1 << 52 { 0 } else { exp2 + 1023 };
        let biased = u64::try_from(biased).unwrap_or(0);
        f64::from_bits(biased << 52 | (mantissa & ((1 << 52) - 1)))
    }

    /// Multiplies by 2^shift (shift ≤ 60).
    fn double(&mut self, shift: u32) {
        if self.digits.is_empty() {
            return;
        }
        // From the last digit: each digit times 2^shift plus the carry (below 10 × 2^60).
        let mut out = Vec::with_capacity(self.digits.len() + 19);
        let mut carry = 0u64;
        for d in self.digits.iter().rev() {
            let n = (u64::from(*d) << shift) + carry;
            out.push(digit(n % 10));
            carry = n / 10;
        }
        while carry > 0 {
            out.push(digit(carry % 10));
            carry /= 10;
        }
        self.point += (out.len() - self.digits.len()) as i64;
        out.reverse();
        self.digits = out;
        if self.digits.len() > Self::MAX_DIGITS {
            if self.digits.iter().skip(Self::MAX_DIGITS).any(|d| *d != 0) {
                self.truncated = true;
            }
            self.digits.truncate(Self::MAX_DIGITS);
        }
        self.trim();
    }

    /// Divides by 2^shift (shift ≤ 60).
    fn halve(&mut self, shift: u32) {
        let mask = (1u64 << shift) - 1;
        let mut out: Vec<u8> = Vec::with_capacity(self.digits.len() + 20);
        let mut remainder = 0u64;
        let mut leading = true;
        // Long division, first of the digits, then of the zeros after them.
        let mut input = self.digits.iter().copied();
        loop {
            let d = match input.next() {
                Some(d) => d,
                None if remainder == 0 => break,
                None => 0,
            };
            remainder = remainder * 10 + u64::from(d);
            let q = digit(remainder >> shift);
            remainder &= mask;
            if leading && q == 0 {
                self.point -= 1;
            } else if out.len() < Self::MAX_DIGITS {
                leading = false;
                out.push(q);
            } else if q != 0 {
                self.truncated = true;
            }
        }
        self.digits = out;
        if self.digits.is_empty() {
            self.point = 0;
            self.truncated = false;
        }
        self.trim();
    }

    /// The integer part, rounded half to even (more dropped digits round a 5 up).
    fn round(&self) -> u64 {
        let Ok(point) = usize::try_from(self.point) else {
            return 0;
        };
        if self.digits.is_empty() {
            return 0;
        }
        if point >= 19 {
            return u64::MAX;
        }
        let digit_at = |i: usize| u64::from(self.digits.get(i).copied().unwrap_or(0));
        let n = (0..point).fold(0u64, |n, i| n * 10 + digit_at(i));
        let up = match self.digits.get(point) {
            None => false,
            Some(5) if point + 1 == self.digits.len() => self.truncated || n % 2 == 1,
            Some(d) => *d >= 5,
        };
        n + u64::from(up)
    }
}

/// A quotient or remainder below 10, as a digit.
fn digit(n: u64) -> u8 {
    u8::try_from(n).unwrap_or(0)
}

/// Bits to shift by to move the point by about `places` decimal places (at most 60), as the
/// standard library's slow path does: ⌊places × log2(10)⌋ for up to 18 places.
fn shift_for(places: i64) -> u32 {
    const BITS: [u8; 19] = [0, 3, 6, 9, 13, 16, 19, 23, 26, 29, 33, 36, 39, 43, 46, 49, 53, 56, 59];
    usize::try_from(places)
        .ok()
        .and_then(|p| BITS.get(p))
        .map_or(60, |b| u32::from(*b))
}

#[cfg(test)]
mod tests {
    // Tests may unwrap and index: a failing test should fail loudly.
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

    use super::*;

    /// Ours against the standard library's, bit for bit (NaN's sign included).
    fn check(s: &str) {
        let ours = parse_f64(s).map(f64::to_bits);
        let std = s.parse::<f64>().ok().map(f64::to_bits);
        assert_eq!(ours, std, "{s:?}");
    }

    /// The exact decimal expansion of a double (at most 767 significant digits), as digits
    /// and the power of ten of the first one.
    fn exact_digits(x: f64) -> (Vec<u8>, i64) {
        let text = format!("{:.800e}", x);
        let (mantissa, exponent) = text.split_once('e').unwrap();
        let digits = mantissa.bytes().filter(u8::is_ascii_digit).map(|b| b - b'0').collect();
        (digits, exponent.parse().unwrap())
    }

    /// The decimal text of the point halfway between `x` and the next double up: the sum of
    /// the two exact expansions, halved.
    fn halfway(x: f64) -> String {
        let y = f64::from_bits(x.to_bits() + 1);
        let ((a, ea), (b, eb)) = (exact_digits(x), exact_digits(y));
        // Zero's digits are all zeros, at any exponent.
        let ea = if x == 0.0 { eb } else { ea };
        // Align to y's (larger or equal) exponent and add, digit by digit from the right.
        let shift = usize::try_from(eb - ea).unwrap();
        let len = (a.len() + shift).max(b.len()) + 1;
        let at = |v: &[u8], offset: usize, i: usize| i.checked_sub(offset).and_then(|i| v.get(i)).copied().unwrap_or(0);
        let mut sum = vec![0u8; len];
        let mut carry = 0;
        for i in (0..len).rev() {
            // Position i counts from one digit before b's first.
            let s = at(&a, shift + 1, i) + at(&b, 1, i) + carry;
            sum[i] = s % 10;
            carry = s / 10;
        }
        // Halve.
        let mut half = Vec::with_capacity(len + 1);
        let mut rem = 0;
        for d in sum.iter().chain(std::iter::once(&0)) {
            let n = rem * 10 + d;
            half.push(n / 2);
            rem = n % 2;
        }
        let digits: String = half.iter().map(|d| char::from(b'0' + d)).collect();
        // `half` has one digit before b's first digit's place.
        format!("0.{digits}e{}", eb + 2)
    }

    #[test]
    fn hand_picked_numbers_read_as_the_standard_library_reads_them() {
        for s in [
            "0",
            "-0",
            "+0",
            "00",
            "0.",
            ".0",
            "1",
            "-1",
            "62.5",
            "1240",
            "1240.5",
            "0.1",
            "0.3",
            "1e5",
            "1E5",
            "1e+5",
            "1e-5",
            "2.5e-3",
            "123456789012345678",
            "9007199254740992",
            "9007199254740993",
            "9007199254740995",
            "18446744073709551615",
            "18446744073709551616",
            "1e22",
            "1e23",
            "1e-22",
            "1e-23",
            "0.000001",
            "1.7976931348623157e308",
            "1.7976931348623158e308",
            "1.7976931348623159e308",
            "1e309",
            "2.2250738585072011e-308",
            "2.2250738585072014e-308",
            "4.9e-324",
            "2.4703282292062327e-324",
            "2.4703282292062328e-324",
            "1e-400",
            "1e400",
            "0e400",
            "0e-400",
            "1e65535",
            "1e65536",
            "1e-65536",
            "1e0000000000000000000000000001",
            "0.000000000000000000000000000000000000001e40",
            "inf",
            "-inf",
            "INF",
            "Infinity",
            "-INFINITY",
            "nan",
            "NaN",
            "-nan",
            "+nan",
            "",
            "+",
            "-",
            ".",
            "e5",
            "1e",
            "1e+",
            "1e-",
            "1.2.3",
            "1..2",
            "--1",
            "+-1",
            "1e5.5",
            " 1",
            "1 ",
            "0x10",
            "1_000",
            "١",
            "infinit",
            "nana",
            "1,5",
            "5.",
            ".5",
            "+.5",
            "-.5e-5",
        ] {
            check(s);
        }
        // Long digit strings: past 19 digits, past 768, with a dot inside, with zeros after.
        let many = "1234567890".repeat(80);
        for s in [
            many.clone(),
            format!("0.{many}"),
            format!("{}.{}", &many[..400], &many[400..]),
            format!("{many}e-800"),
            format!("{}1", "0".repeat(900)),
            format!("0.{}1", "0".repeat(300)),
            format!("1{}", "0".repeat(1000)),
            format!("0.{}1e{}", "0".repeat(100_000), 100_001),
            format!("0.{}1e{}", "0".repeat(70_000), 1_000_000),
        ] {
            check(&s);
        }
    }

    #[test]
    fn halfway_points_and_their_neighbours_round_as_in_the_standard_library() {
        // Normal, subnormal, the largest: the exact halfway text, and the same text nudged
        // up (a digit more) and down (its last digit lowered).
        let mut bits: Vec<u64> = vec![
            0,
            1,
            2,
            0x000f_ffff_ffff_ffff,
            0x0010_0000_0000_0000,
            0x7fef_ffff_ffff_fffe,
        ];
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..300 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            bits.push(x & 0x7fef_ffff_ffff_ffff);
        }
        for b in bits {
            let h = halfway(f64::from_bits(b));
            check(&h);
            let (mantissa, exponent) = h.split_once('e').unwrap();
            let up = format!("{mantissa}1e{exponent}");
            check(&up);
            // The text is the halfway point: a hair above it is the next double up.
            assert_eq!(up.parse::<f64>().unwrap().to_bits(), b + 1, "{up}");
            let trimmed = mantissa.trim_end_matches('0');
            let last = trimmed.as_bytes()[trimmed.len() - 1];
            if last != b'.' && last > b'0' {
                let lower = format!("{}{}", &trimmed[..trimmed.len() - 1], char::from(last - 1));
                let below = format!("{lower}9e{exponent}");
                check(&below);
                assert_eq!(below.parse::<f64>().unwrap().to_bits(), b, "{below}");
                check(&format!("{lower}e{exponent}"));
            }
            // The double itself, written exactly and shortest.
            let v = f64::from_bits(b);
            check(&format!("{v:.800e}"));
            check(&format!("{v:e}"));
            check(&format!("{v}"));
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    // Tests may unwrap and index: a failing test should fail loudly.
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

    use proptest::prelude::*;
    use proptest::test_runner::Config;

    use super::parse_f64;

    /// Text shaped like a number: sign, digits, dot, digits, exponent, each maybe, with the
    /// characters a CSV cell may carry around them.
    fn number_like() -> impl Strategy<Value = String> {
        let digits = prop_oneof![
            4 => "[0-9]{0,6}",
            3 => "[0-9]{7,25}",
            1 => "0{0,30}[1-9][0-9]{0,40}0{0,30}",
        ];
        (
            "[-+]?",
            digits.clone(),
            prop::option::of(digits),
            prop::option::of(("[eE]", "[-+]?", "0{0,3}[0-9]{0,4}")),
            prop::option::of("[ .,a-z_]"),
        )
            .prop_map(|(sign, int, frac, exp, junk)| {
                let mut s = format!("{sign}{int}");
                if let Some(f) = frac {
                    s.push('.');
                    s.push_str(&f);
                }
                if let Some((e, es, ed)) = exp {
                    s.push_str(&format!("{e}{es}{ed}"));
                }
                if let Some(j) = junk {
                    s.push_str(&j);
                }
                s
            })
    }

    proptest! {
        #![proptest_config(Config { cases: 4096, failure_persistence: None, ..Config::default() })]

        /// Number-like text reads to the same double as with `str::parse`, or fails alike.
        #[test]
        fn number_like_text_reads_as_the_standard_library_reads_it(s in number_like()) {
            let ours = parse_f64(&s).map(f64::to_bits);
            let std = s.parse::<f64>().ok().map(f64::to_bits);
            prop_assert_eq!(ours, std, "{:?}", s);
        }

        /// Every double, written shortest, exactly and with 17 digits, reads back as itself.
        #[test]
        fn doubles_written_out_read_back_as_in_the_standard_library(bits in any::<u64>()) {
            let x = f64::from_bits(bits);
            for s in [format!("{x}"), format!("{x:e}"), format!("{x:.16e}"), format!("{x:.800e}")] {
                let ours = parse_f64(&s).map(f64::to_bits);
                let std = s.parse::<f64>().ok().map(f64::to_bits);
                prop_assert_eq!(ours, std, "{:?}", s);
            }
        }
    }
}

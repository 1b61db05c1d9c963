//! A double's decimal digits, written without the standard library's float formatting.
//!
//! `format!("{}", x)`, `{:e}` and `{:.N}` of an `f64` link core's `flt2dec` (Grisu with a
//! Dragon4 fallback, shortest and exact digits): about 11 KiB gzipped of the widgets' `.wasm`,
//! for a few numbers in messages. This file has both kinds of digits for about 3 KiB:
//!
//! - the **shortest** digits that read back as the same double from `zmij` (Schubfach), which
//!   serde_json already links to write the report's numbers. They are core's digits (the
//!   shortest, then the nearest) except where a double lies exactly halfway between two
//!   shortest texts: core takes the upper one, and so does [`shortest`];
//! - the **exact** digits of `{:.N}` (the double's exact binary value rounded to `N` decimals,
//!   ties to even) by integer arithmetic on a small big number ([`fixed`]).
//!
//! Each gives the standard library's text byte for byte (the tests below hold them to it over
//! edges, ties, subnormals and some hundreds of thousands of doubles), so no message changes.
//! The full build still links `flt2dec` (serde's messages for an unexpected float, the rule
//! packs' validation), so there this costs its 3 KiB.

/// The shortest decimal digits that read back as `value` (finite, not zero) and where the
/// point goes: `|value|` is `0.d₁d₂… × 10^exp`. The digits (ASCII) have no leading or trailing
/// zeros.
fn shortest(value: f64) -> (Vec<u8>, i32) {
    // zmij writes the digits as `1.5e-7`, `1e+21`, `0.001` or `123.0`: read them back.
    let mut buffer = zmij::Buffer::new();
    let mut digits = Vec::with_capacity(17);
    let (mut exp, mut point, mut e) = (0i32, false, None::<(bool, i32)>);
    for b in buffer.format_finite(value).bytes() {
        match (b, &mut e) {
            (b'e' | b'E', _) => e = Some((false, 0)),
            (b'-', Some((negative, _))) => *negative = true,
            (b'0'..=b'9', Some((_, x))) => *x = x.saturating_mul(10).saturating_add(i32::from(b - b'0')),
            (b'.', None) => point = true,
            (b'0', None) if digits.is_empty() => exp -= i32::from(point),
            (b'0'..=b'9', None) => {
                digits.push(b);
                exp += i32::from(!point);
            }
            _ => {}
        }
    }
    if let Some((negative, x)) = e {
        exp += if negative { -x } else { x };
    }
    while digits.last() == Some(&b'0') {
        digits.pop();
    }
    // Where two texts of the shortest length are as near (the double lies exactly halfway),
    // zmij may take the lower one and core takes the upper one (2^-25 is
    // 2.98023223876953125e-8: `…312e-8` against `…313e-8`). Take the upper one.
    let n = digits
        .iter()
        .fold(0u64, |n, d| n.wrapping_mul(10).wrapping_add(u64::from(d - b'0')));
    let len = i32::try_from(digits.len()).unwrap_or(i32::MAX);
    if len <= 17 && halfway_above(value, n, len - exp) {
        digits = (n + 1).to_string().into_bytes();
        exp += i32::try_from(digits.len()).unwrap_or(i32::MAX) - len;
        while digits.last() == Some(&b'0') {
            digits.pop();
        }
    }
    (digits, exp)
}

/// Whether `|value|` is exactly `(n + ½) / 10^scale`.
fn halfway_above(value: f64, n: u64, scale: i32) -> bool {
    let (mantissa, exp2) = parts(value);
    // 2 × mantissa × 2^exp2 × 10^scale = 2n + 1, each side kept whole.
    let (mut left, mut right) = (Big::from(mantissa), Big::from(2 * n + 1));
    if scale >= 0 {
        left.mul_pow10(scale.unsigned_abs());
    } else {
        right.mul_pow10(scale.unsigned_abs());
    }
    if exp2 + 1 >= 0 {
        left.shl((exp2 + 1).unsigned_abs());
    } else {
        right.shl((exp2 + 1).unsigned_abs());
    }
    left.trim();
    right.trim();
    left.0 == right.0
}

/// `|value|` (finite) as `mantissa × 2^exp2`, exactly.
fn parts(value: f64) -> (u64, i32) {
    let bits = value.to_bits();
    let raw_exp = (bits >> 52) & 0x7ff;
    let fraction = bits & ((1 << 52) - 1);
    if raw_exp == 0 {
        (fraction, -1074)
    } else {
        #[allow(clippy::cast_possible_truncation, clippy::cast_possible_wrap)]
        let e = raw_exp as i32 - 1075;
        (fraction | (1 << 52), e)
    }
}

/// Appends `value` with its shortest digits: as `format!("{}", value)` writes it (never with
/// an exponent: `1e21` is 22 digits, `1e-7` is `0.0000001`; whole numbers without a point;
/// `-0`, `NaN`, `inf`, `-inf`), or with `js`, as JavaScript writes it, with an exponent from
/// 10^21 up and below 10^-7 (`1e+21`, `-2.5e-8`, `1.7976931348623157e+308`).
pub(crate) fn push_shortest(out: &mut String, value: f64, js: bool) {
    if value.is_nan() {
        out.push_str("NaN");
        return;
    }
    if value.is_sign_negative() {
        out.push('-');
    }
    if value.is_infinite() {
        out.push_str("inf");
        return;
    }
    if value == 0.0 {
        out.push('0');
        return;
    }
    let (digits, exp) = shortest(value);
    if js && !(1e-7..1e21).contains(&value.abs()) {
        let (first, rest) = digits.split_at(digits.len().min(1));
        push_ascii(out, first);
        if !rest.is_empty() {
            out.push('.');
            push_ascii(out, rest);
        }
        out.push_str(if exp >= 1 { "e+" } else { "e-" });
        out.push_str(&(exp - 1).unsigned_abs().to_string());
        return;
    }
    let len = i32::try_from(digits.len()).unwrap_or(i32::MAX);
    if exp <= 0 {
        out.push_str("0.");
        push_zeros(out, exp.unsigned_abs());
        push_ascii(out, &digits);
    } else if exp < len {
        let (int, frac) = digits
            .split_at_checked(exp.unsigned_abs() as usize)
            .unwrap_or((&digits, &[]));
        push_ascii(out, int);
        out.push('.');
        push_ascii(out, frac);
    } else {
        push_ascii(out, &digits);
        push_zeros(out, (exp - len).unsigned_abs());
    }
}

/// `value` as `format!("{}", value)` writes it (see [`push_shortest`]).
/// (Only the JavaScript boundary's messages write a double so.)
#[cfg(any(test, feature = "wasm"))]
pub(crate) fn display(value: f64) -> String {
    let mut out = String::new();
    push_shortest(&mut out, value, false);
    out
}

/// `value` (finite, not negative) as `format!("{:.*}", decimals, value)` writes it: its exact
/// binary value rounded to `decimals` decimals, ties to even, every digit written.
pub(crate) fn fixed(value: f64, decimals: usize) -> String {
    let (mantissa, exp2) = parts(value);
    // n = value × 10^decimals, as a big number, rounded to a whole number.
    let mut n = Big::from(mantissa);
    n.mul_pow10(u32::try_from(decimals).unwrap_or(u32::MAX));
    if exp2 >= 0 {
        n.shl(exp2.unsigned_abs());
    } else {
        n.shr_round_even(exp2.unsigned_abs());
    }
    let mut digits = n.into_decimal();
    // At least one digit before the point.
    while digits.len() <= decimals {
        digits.insert(0, b'0');
    }
    let (int, frac) = digits
        .split_at_checked(digits.len() - decimals)
        .unwrap_or((&digits, &[]));
    let mut out = String::with_capacity(digits.len() + 1);
    push_ascii(&mut out, int);
    if decimals > 0 {
        out.push('.');
        push_ascii(&mut out, frac);
    }
    out
}

const POW10: [u32; 10] = [
    1,
    10,
    100,
    1_000,
    10_000,
    100_000,
    1_000_000,
    10_000_000,
    100_000_000,
    1_000_000_000,
];

fn push_ascii(out: &mut String, digits: &[u8]) {
    out.extend(digits.iter().map(|d| char::from(*d)));
}

fn push_zeros(out: &mut String, n: u32) {
    out.extend((0..n).map(|_| '0'));
}

/// A whole number of any size, in 32-bit limbs, least significant first.
struct Big(Vec<u32>);

impl Big {
    fn from(v: u64) -> Self {
        #[allow(clippy::cast_possible_truncation)]
        let limbs = vec![v as u32, (v >> 32) as u32];
        Big(limbs)
    }

    fn mul_small(&mut self, k: u32) {
        let mut carry = 0u64;
        for limb in &mut self.0 {
            let p = u64::from(*limb) * u64::from(k) + carry;
            #[allow(clippy::cast_possible_truncation)]
            {
                *limb = p as u32;
            }
            carry = p >> 32;
        }
        if carry > 0 {
            #[allow(clippy::cast_possible_truncation)]
            self.0.push(carry as u32);
        }
    }

    fn mul_pow10(&mut self, mut k: u32) {
        while k > 0 {
            let step = k.min(9);
            self.mul_small(POW10.get(step as usize).copied().unwrap_or(1));
            k -= step;
        }
    }

    /// Without high zero limbs, so that equal numbers have equal limbs.
    fn trim(&mut self) {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }

    /// `self × 2^k`.
    fn shl(&mut self, k: u32) {
        let (words, bits) = ((k / 32) as usize, k % 32);
        if bits > 0 {
            let mut carry = 0u32;
            for limb in &mut self.0 {
                let next = *limb >> (32 - bits);
                *limb = (*limb << bits) | carry;
                carry = next;
            }
            self.0.push(carry);
        }
        self.0.splice(0..0, std::iter::repeat(0).take(words));
    }

    /// `self / 2^k`, rounded to the nearest whole number, ties to even.
    fn shr_round_even(&mut self, k: u32) {
        let bit = |v: &[u32], i: u32| v.get((i / 32) as usize).is_some_and(|l| (l >> (i % 32)) & 1 == 1);
        // The half bit, and whether any bit below it is set.
        let half = k > 0 && bit(&self.0, k - 1);
        let below = (0..k.saturating_sub(1)).any(|i| bit(&self.0, i));
        let (words, bits) = ((k / 32) as usize, k % 32);
        let mut limbs: Vec<u32> = self.0.iter().skip(words).copied().collect();
        if bits > 0 {
            let mut carry = 0u32;
            for limb in limbs.iter_mut().rev() {
                let next = *limb << (32 - bits);
                *limb = (*limb >> bits) | carry;
                carry = next;
            }
        }
        self.0 = limbs;
        let odd = self.0.first().is_some_and(|l| l & 1 == 1);
        if half && (below || odd) {
            self.add_one();
        }
    }

    fn add_one(&mut self) {
        for limb in &mut self.0 {
            let (sum, overflow) = limb.overflowing_add(1);
            *limb = sum;
            if !overflow {
                return;
            }
        }
        self.0.push(1);
    }

    /// The decimal digits, ASCII, most significant first (`0` for zero).
    fn into_decimal(mut self) -> Vec<u8> {
        // Groups of nine digits, least significant first.
        let mut groups = Vec::new();
        while self.0.iter().any(|l| *l != 0) {
            let mut rem = 0u64;
            for limb in self.0.iter_mut().rev() {
                let cur = (rem << 32) | u64::from(*limb);
                #[allow(clippy::cast_possible_truncation)]
                {
                    *limb = (cur / 1_000_000_000) as u32;
                }
                rem = cur % 1_000_000_000;
            }
            groups.push(rem);
            while self.0.last() == Some(&0) {
                self.0.pop();
            }
        }
        let mut out = Vec::new();
        for (i, g) in groups.iter().rev().enumerate() {
            let text = g.to_string();
            if i > 0 {
                out.extend(std::iter::repeat(b'0').take(9 - text.len()));
            }
            out.extend_from_slice(text.as_bytes());
        }
        if out.is_empty() {
            out.push(b'0');
        }
        out
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// Doubles of every kind: edges, halves, powers of ten and two, subnormals, and a sweep of
    /// bit patterns from a fixed generator.
    pub(in crate::messages) fn doubles() -> Vec<f64> {
        let mut v = vec![
            0.125,
            0.375,
            2.675,
            0.5,
            1.5,
            2.5,
            1.005,
            0.1,
            0.2,
            0.3,
            1e15,
            1e16,
            1e21,
            1e22,
            1e23,
            9_007_199_254_740_992.0,
            9_007_199_254_740_993.0,
            f64::MAX,
            f64::MIN_POSITIVE,
            5e-324,
            1e-7,
            1e-308,
            f64::from_bits(0x000f_ffff_ffff_ffff),
            123_456_789_012_345_680_000.0,
            1240.5,
            69.12,
            99.995,
        ];
        for e in -330..=310 {
            v.push(10f64.powi(e));
            v.push(5.0 * 10f64.powi(e));
        }
        // Few significant bits: where the double lies halfway between two shortest texts.
        for m in (1..64).step_by(2) {
            for e in -1074..=1023 {
                v.push(f64::from(m) * 2f64.powi(e));
            }
        }
        let mut s = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = || {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            s
        };
        for _ in 0..100_000 {
            let x = f64::from_bits(next());
            if x.is_finite() {
                v.push(x.abs());
            }
            // Values of a few decimals, as figures are.
            #[allow(clippy::cast_precision_loss)]
            v.push((next() % 100_000_000) as f64 / 10f64.powi((next() % 8) as i32));
        }
        v.retain(|x| x.is_finite());
        v
    }

    #[test]
    fn shortest_digits_are_the_standard_librarys() {
        let specials = [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 0.0, -0.0];
        for x in doubles().into_iter().chain(specials) {
            for y in [x, -x] {
                assert_eq!(display(y), format!("{y}"), "{y:e}");
            }
        }
    }

    #[test]
    fn fixed_is_the_standard_librarys() {
        let all = doubles();
        for (i, x) in all.iter().enumerate() {
            // The doubles figures have at a few decimals (ties among them: 0.125, 2.5…), some
            // of the rest; some at the hundreds of decimals a tiny value needs.
            if !(1e-9..1e30).contains(x) && i % 16 != 0 {
                continue;
            }
            for d in 0..=7 {
                assert_eq!(fixed(*x, d), format!("{x:.d$}"), "{x:e} {d}");
            }
            if i % 97 == 0 {
                for d in [20, 60, 330] {
                    assert_eq!(fixed(*x, d), format!("{x:.d$}"), "{x:e} {d}");
                }
            }
        }
        for x in [5e-324, 1e-320, 2.5e-8, 9.95e-8, 1.5e-7, f64::MIN_POSITIVE] {
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let d = (-x.log10()).floor() as usize + 2;
            assert_eq!(fixed(x, d), format!("{x:.d$}"), "{x:e} {d}");
        }
    }
}

//! The wording of the errors of calls (a method given an argument it cannot use, a plan or
//! ramp it does not have, an engine it cannot use) and of the engine's own faults: one
//! constructor per code (or per situation of a code), each with its sentences in Vietnamese
//! and English.

use super::{clip, Error, ErrorCode};
use crate::vocab::Level;

// ---- arguments (`INVALID_ARGUMENT`) ----

/// What is wrong with an argument of a method (`INVALID_ARGUMENT`); `shown` is the value as
/// JavaScript writes it.
#[cfg(feature = "wasm")]
pub(crate) enum Argument<'a> {
    Level {
        shown: &'a str,
    },
    Reading {
        shown: &'a str,
    },
    Year {
        shown: &'a str,
    },
    Number {
        shown: &'a str,
    },
    /// A text argument that is not a string: `csv` says which text; `got` is its JS type.
    Text {
        csv: bool,
        got: &'a str,
    },
    /// `new Engine(x)`.
    EngineTakesNone {
        shown: &'a str,
    },
    /// `Engine.embedded(x)`.
    EmbeddedName {
        shown: &'a str,
    },
    /// `Engine.fromPlans(x)`.
    PlanList {
        shown: &'a str,
    },
    /// `evaluatePlan(x, …)`.
    PlanId {
        shown: &'a str,
    },
    /// A source the widgets' smaller engine leaves out.
    #[cfg(not(all(feature = "portal766", feature = "sheet")))]
    NotInThisBuild {
        kind: &'a str,
    },
    /// The options of `report` that are not an object.
    ReportOptions,
    /// An option of `report` other than `plan`.
    ReportOption {
        key: &'a str,
    },
    /// `plan` of `report`'s options that is not text.
    ReportPlan,
}

#[cfg(feature = "wasm")]
pub(crate) fn invalid_argument(path: impl Into<String>, what: Argument) -> Error {
    let (vi, en) = match what {
        Argument::Level { shown } => (
            format!("cấp `{shown}` không hợp lệ; chỉ nhận `city`, `district`, `commune`"),
            format!("level `{shown}` is not valid; expected `city`, `district` or `commune`"),
        ),
        Argument::Reading { shown } => (
            format!("cách đọc `{shown}` không hợp lệ; chỉ nhận `schedule`, `increment`, `relative`"),
            format!("reading `{shown}` is not valid; expected `schedule`, `increment` or `relative`"),
        ),
        Argument::Year { shown } => (
            format!("năm `{shown}` phải là một số nguyên, ví dụ `2024`"),
            format!("year `{shown}` must be a whole number, such as `2024`"),
        ),
        Argument::Number { shown } => (
            format!("giá trị `{shown}` phải là một số hữu hạn"),
            format!("value `{shown}` must be a finite number"),
        ),
        Argument::Text { csv, got } => {
            let (vi, en) = if csv {
                ("văn bản CSV", "CSV text")
            } else {
                ("văn bản JSON", "JSON text")
            };
            (
                format!("cần {vi} dạng chuỗi, nhận được `{got}`"),
                format!("expected {en} as a string, got `{got}`"),
            )
        }
        Argument::EngineTakesNone { shown } => (
            format!(
                "`new Engine()` không nhận tham số (nhận được `{shown}`): nó luôn dùng kế hoạch Cần Thơ có sẵn; để dùng bộ quy tắc khác, gọi `Engine.fromPlan(pack)`"
            ),
            format!(
                "`new Engine()` takes no argument (got `{shown}`): it always loads the embedded Cần Thơ plan; for another rule pack, call `Engine.fromPlan(pack)`"
            ),
        ),
        Argument::EmbeddedName { shown } => (
            format!("`Engine.embedded(name)` cần tên kế hoạch dạng chuỗi (nhận được `{shown}`)"),
            format!("`Engine.embedded(name)` needs a plan name as text (got `{shown}`)"),
        ),
        Argument::PlanList { shown } => (
            format!("`Engine.fromPlans(list)` cần một mảng kế hoạch (nhận được `{shown}`)"),
            format!("`Engine.fromPlans(list)` needs an array of plans (got `{shown}`)"),
        ),
        Argument::PlanId { shown } => (
            format!("cần mã kế hoạch dạng chuỗi (nhận được `{shown}`)"),
            format!("a plan id as text is needed (got `{shown}`)"),
        ),
        #[cfg(not(all(feature = "portal766", feature = "sheet")))]
        Argument::NotInThisBuild { kind } => (
            format!("engine nhỏ của widget không đọc nguồn `{kind}`; hãy dùng engine đầy đủ (`cchc-progress`)"),
            format!("the widgets' smaller engine does not read `{kind}` sources; use the full engine (`cchc-progress`)"),
        ),
        Argument::ReportOptions => (
            "tùy chọn của `report` phải là một đối tượng `{ plan }`".to_string(),
            "the options of `report` must be an object `{ plan }`".to_string(),
        ),
        Argument::ReportOption { key } => (
            format!("tùy chọn của `report` chỉ có `plan`, không có `{key}`"),
            format!("the options of `report` have only `plan`, not `{key}`"),
        ),
        Argument::ReportPlan => (
            "`plan` là mã của một kế hoạch đã nạp, dạng chuỗi".to_string(),
            "`plan` is the id of a loaded plan, as text".to_string(),
        ),
    };
    Error::new(ErrorCode::InvalidArgument, path, vi, en)
}

// ---- plans and ramps ----

/// Names in backticks, separated by commas.
fn listed(names: &[&str]) -> String {
    names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ")
}

/// A plan asked for by `name` that no embedded pack has; `names` are those there are.
pub(crate) fn unknown_embedded_plan(name: &str, names: &[&str]) -> Error {
    let names = listed(names);
    let shown = clip(name);
    Error::new(
        ErrorCode::UnknownPlan,
        "$",
        format!("không có kế hoạch `{shown}` trong thư viện; các kế hoạch có sẵn: {names}"),
        format!("there is no embedded plan `{shown}`; the embedded plans are {names}"),
    )
}

/// An engine asked for with no plan at all.
pub(crate) fn no_plan() -> Error {
    Error::new(
        ErrorCode::UnknownPlan,
        "$",
        "cần ít nhất một kế hoạch",
        "at least one plan is needed",
    )
}

/// A plan `id` the engine has not loaded; `loaded` are those it has.
pub(crate) fn plan_not_loaded(id: &str, loaded: &[&str]) -> Error {
    let loaded = listed(loaded);
    let shown = clip(id);
    Error::new(
        ErrorCode::UnknownPlan,
        "$.plan",
        format!("kế hoạch `{shown}` chưa được nạp; các kế hoạch đã nạp: {loaded}"),
        format!("plan `{shown}` is not loaded; the loaded plans are {loaded}"),
    )
}

/// A ramp id the plan does not have.
pub(crate) fn unknown_ramp(id: &str) -> Error {
    Error::new(
        ErrorCode::UnknownRamp,
        "$.ramp",
        format!("kế hoạch không có lộ trình `{id}`"),
        format!("the plan has no ramp `{id}`"),
    )
}

/// Ramp `ramp` has no floor for `level`.
pub(crate) fn ramp_level_not_covered(ramp: &str, level: Level) -> Error {
    Error::new(
        ErrorCode::RampLevelNotCovered,
        "$.level",
        format!("lộ trình `{ramp}` không quy định mức sàn cho {}", level.name().vi),
        format!("ramp `{ramp}` sets no floor for the {}", level.name().en),
    )
}

/// `year` outside the ramp: the plan covers `plan` (from, to), the ramp `ramp` (first, last).
pub(crate) fn ramp_year_outside_plan(year: i32, plan: (i32, i32), ramp: (i32, i32)) -> Error {
    Error::new(
        ErrorCode::RampYearOutsidePlan,
        "$.year",
        format!(
            "năm `{year}` nằm ngoài lộ trình: kế hoạch áp dụng {}–{}, lộ trình {}–{}",
            plan.0, plan.1, ramp.0, ramp.1
        ),
        format!(
            "year `{year}` is outside the ramp: the plan covers {}–{}, the ramp {}–{}",
            plan.0, plan.1, ramp.0, ramp.1
        ),
    )
}

/// A previous year's value outside 0–100 (`prev` as the messages write numbers).
pub(crate) fn previous_out_of_range(prev: &str) -> Error {
    Error::new(
        ErrorCode::ValueOutOfRange,
        "$.previousActual",
        format!("giá trị năm trước `{prev}` phải là tỷ lệ từ 0 đến 100"),
        format!("the previous year's value `{prev}` must be a percentage from 0 to 100"),
    )
}

// ---- engines ----

/// The errors of a call that has no engine, and of one the browser's WebAssembly stopped:
/// `(kind, code, vi, en)`, where `{method}` stands for the method's name and `{cause}` for the
/// browser's words (`engine.js` fills them in).
#[cfg(feature = "wasm")]
pub(crate) const LIFECYCLE: [(&str, ErrorCode, &str, &str); 4] = [
    (
        "freed",
        ErrorCode::EngineFreed,
        "engine đã được giải phóng bằng `free()` nên `{method}` không dùng được nữa; hãy tạo engine mới",
        "the engine was freed with `free()`, so `{method}` cannot be used any more; make a new engine",
    ),
    (
        "detached",
        ErrorCode::EngineDetachedMethod,
        "`{method}` được gọi mà không có engine (`this` không phải engine): hãy gọi `engine.{method}(…)` hoặc dùng `engine.{method}.bind(engine)`",
        "`{method}` was called without its engine (`this` is not one): call it as `engine.{method}(…)`, or bind it with `engine.{method}.bind(engine)`",
    ),
    (
        "notEngine",
        ErrorCode::EngineNotAnEngine,
        "`{method}` được gọi trên một đối tượng không phải engine tạo bằng `new Engine()` hay `Engine.fromPlan()` (một bản sao như `{...engine}` không phải engine)",
        "`{method}` was called on an object that is not an engine made by `new Engine()` or `Engine.fromPlan()` (a copy such as `{...engine}` is not one)",
    ),
    (
        "trapped",
        ErrorCode::EngineTrapped,
        "WebAssembly của trình duyệt đã dừng `{method}` giữa chừng ({cause}); mọi engine của lần tải mô-đun này không dùng được nữa: hãy tải lại mô-đun (hoặc trang) rồi tạo engine mới",
        "the browser's WebAssembly stopped `{method}` midway ({cause}); no engine of this loading of the module can be used any more: load the module (or the page) again and make a new engine",
    ),
];

/// `method` refused after the browser's WebAssembly stopped a call (`cause`: its words).
#[cfg(feature = "wasm")]
pub(crate) fn trapped(method: &str, cause: &str) -> Error {
    let (_, code, vi, en) = LIFECYCLE[3];
    let fill = |t: &str| t.replace("{method}", method).replace("{cause}", cause);
    Error::new(code, "$", fill(vi), fill(en))
}

/// A method of an engine whose plan was freed (the guard of `engine.js` words the usual case).
#[cfg(feature = "wasm")]
pub(crate) fn engine_freed() -> Error {
    Error::new(
        ErrorCode::EngineFreed,
        "$",
        "engine đã được giải phóng, không dùng được nữa; hãy tạo engine mới",
        "the engine was freed and cannot be used any more; make a new engine",
    )
}

// ---- faults of the engine itself ----

/// A fault of the engine itself, with nothing more to say.
pub(crate) fn internal() -> Error {
    Error::new(ErrorCode::Internal, "$", "lỗi nội bộ", "internal error")
}

/// The 766 mapping embedded in the library cannot be read.
#[cfg(feature = "portal766")]
pub(crate) fn embedded_766_mapping_unreadable() -> Error {
    Error::new(
        ErrorCode::Internal,
        "$",
        "bảng ánh xạ 766 gắn sẵn không đọc được",
        "the embedded 766 mapping cannot be read",
    )
}

/// A text that could not be copied into WebAssembly memory.
#[cfg(feature = "wasm")]
pub(crate) fn text_not_copied() -> Error {
    Error::new(
        ErrorCode::Internal,
        "$",
        "lỗi nội bộ: không chép được văn bản vào WebAssembly",
        "internal error: the text could not be copied into WebAssembly",
    )
}

/// A result the serializer could not turn into JavaScript values (`detail`: its words).
#[cfg(feature = "wasm")]
pub(crate) fn not_serialized(detail: &str) -> Error {
    Error::new(
        ErrorCode::InternalSerialize,
        "$",
        format!("lỗi nội bộ: không chuyển được kết quả sang JavaScript ({detail})"),
        format!("internal error: the result could not be turned into JavaScript values ({detail})"),
    )
}

/// A report that could not be packed (`detail`: the packer's words).
pub(crate) fn not_packed(detail: &str) -> Error {
    Error::new(
        ErrorCode::InternalSerialize,
        "$",
        format!("lỗi nội bộ: không gói được báo cáo ({detail})"),
        format!("internal error: the report could not be packed ({detail})"),
    )
}

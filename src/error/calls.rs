//! The wording of the errors of calls (a method given an argument it cannot use, a plan or
//! ramp it does not have, an engine it cannot use) and of the engine's own faults: one
//! constructor per code (or per situation of a code), each with its sentences in Vietnamese
//! and English.

use super::{Error, ErrorCode};

/// A fault of the engine itself, with nothing more to say.
pub(crate) fn internal() -> Error {
    Error::new(ErrorCode::Internal, "$", "lỗi nội bộ", "internal error")
}

/// The 766 mapping embedded in the library cannot be read.
pub(crate) fn embedded_766_mapping_unreadable() -> Error {
    Error::new(
        ErrorCode::Internal,
        "$",
        "bảng ánh xạ 766 gắn sẵn không đọc được",
        "the embedded 766 mapping cannot be read",
    )
}

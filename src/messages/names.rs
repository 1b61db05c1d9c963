//! The names of the shared words (`vocab`) in both languages.

use super::Text;
use crate::vocab::Level;

impl Level {
    pub fn name(self) -> Text {
        match self {
            Level::City => Text::new("cấp thành phố", "city level"),
            Level::District => Text::new("cấp huyện", "district level"),
            Level::Commune => Text::new("cấp xã", "commune level"),
            Level::Department => Text::new("các sở, ban, ngành", "departments"),
        }
    }
}

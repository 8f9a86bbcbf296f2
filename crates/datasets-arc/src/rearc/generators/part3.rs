//! rearc generators TASK_IDS[263..400], each named `generate_<task id>` as
//! in `rearc_utils/generators.py` (being ported, in task-id order).

use super::Generator;

/// This part's ported generators, in task-id order.
pub(super) const PORTED: &[(&str, Generator)] = &[];

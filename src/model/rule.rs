//! The rules a plan publishes for judging its figures, as its table states
//! them: how an actual becomes a rate of achievement.

use serde::{Deserialize, Serialize};

/// How a plan turns an actual into a rate of achievement (目標達成率). Tables
/// differ: 293 → target 304, actual 360 is 118 % as actual ÷ target and
/// 609 % as the way from the baseline covered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum AchievementRule {
    /// (actual − baseline) ÷ (target − baseline); actual ÷ target without a
    /// baseline.
    #[default]
    FromBaseline,
    /// actual ÷ target (target ÷ actual where less is better), whatever
    /// the baseline.
    ActualOverTarget,
}

impl AchievementRule {
    pub fn is_default(&self) -> bool {
        *self == AchievementRule::default()
    }
}

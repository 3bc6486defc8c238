//! What the store says.

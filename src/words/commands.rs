//! What the commands says.

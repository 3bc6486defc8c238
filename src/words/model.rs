//! What the model says.

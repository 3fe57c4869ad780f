//! Byte offsets ↔ lines and columns. STUB.

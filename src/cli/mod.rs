//! The command line. STUB.

//! The `amends` binary: everything it does lives in [`amends::cli`], so the library's tests and
//! the language server can reach the same code.

fn main() -> std::process::ExitCode {
    amends::cli::main()
}

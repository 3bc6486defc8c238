use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    ExitCode::from(actplan::run_args(
        &args,
        &mut std::io::stdout(),
        &mut std::io::stderr(),
    ))
}

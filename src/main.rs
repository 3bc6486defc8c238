use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = match actplan::cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
        }
    };
    ExitCode::from(actplan::run(
        cli,
        &mut std::io::stdout(),
        &mut std::io::stderr(),
    ))
}

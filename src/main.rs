//! `rgym`: the command line. Thin glue over the `datasets` registry and the
//! `rgym-server` crate; every subcommand's logic lives in a library crate or in
//! `commands`.

mod commands;
mod health;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "rgym",
    version,
    about = "Reasoning tasks for AI agents: reasoning-gym datasets, natively, over OpenEnv"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// List every registered dataset: name, category, parity, description.
    List(commands::ListArgs),
    /// Show a dataset's config fields, types, defaults and validation rules.
    Describe(commands::DescribeArgs),
    /// Write items {"index", "question", "answer", "metadata"} as JSON Lines or one JSON array.
    Generate(commands::GenerateArgs),
    /// Score answers read as JSON Lines {"index", "answer"} from a file or stdin.
    Score(commands::ScoreArgs),
    /// Serve the OpenEnv protocol (WebSocket /ws, HTTP, MCP) until SIGINT/SIGTERM.
    Serve(rgym_server::ServeArgs),
    /// Load-test an OpenEnv reasoning-gym server (ours or Python's) over WebSocket.
    Loadtest(loadtest::LoadtestArgs),
    /// Probe a server's /health: exit 0 iff it answers 200 {"status": "healthy"}.
    Health(health::HealthArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::List(args) => commands::list(&args),
        Command::Describe(args) => commands::describe(&args),
        Command::Generate(args) => commands::generate(&args),
        Command::Score(args) => commands::score(&args),
        Command::Serve(args) => rgym_server::serve(&args),
        Command::Loadtest(args) => loadtest::run(&args),
        Command::Health(args) => health::health(&args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("rgym: {e}");
            ExitCode::FAILURE
        }
    }
}

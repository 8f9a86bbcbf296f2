//! `rgym`: the command line. Thin glue over the `datasets` registry and the
//! `rgym-server` crate; every subcommand's logic lives in a library crate or in
//! `commands`.

mod commands;
mod health;

use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};
use clap_complete::Shell;

/// jemalloc, with small reallocations moved through its fast paths
/// (crates/alloc says why).
#[global_allocator]
static GLOBAL: rgym_alloc::Allocator = rgym_alloc::Allocator;

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
    /// Print a shell completion script (e.g. `rgym completions bash > ~/.local/share/bash-completion/completions/rgym`).
    Completions {
        /// The shell to complete for.
        shell: Shell,
    },
    /// Print the man page, as roff (e.g. `rgym man > rgym.1; man ./rgym.1`), or a subcommand's.
    Man {
        /// A subcommand, for its own page (`rgym man serve` is rgym-serve(1)).
        subcommand: Option<String>,
    },
}

/// `rgym man [SUBCOMMAND]`: rendered from the clap definitions, so the page
/// never drifts from `--help`.
fn man_page(subcommand: Option<&str>) -> Result<(), String> {
    let cmd = Cli::command();
    let page = match subcommand {
        None => cmd,
        Some(name) => {
            let sub = cmd.find_subcommand(name).cloned().ok_or_else(|| {
                let names: Vec<&str> = cmd.get_subcommands().map(|s| s.get_name()).collect();
                format!("no subcommand {name:?}; one of {}", names.join(", "))
            })?;
            sub.name(format!("rgym-{name}"))
        }
    };
    let mut out = Vec::new();
    clap_mangen::Man::new(page)
        .render(&mut out)
        .map_err(|e| format!("cannot render the man page: {e}"))?;
    commands::write_stdout(&out)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // `rgym generate`/`score` read the provider from the environment, as
    // `serve` does (RGYM_PYTHON_PROVIDER, RGYM_PYTHON_PROVIDER_DATASETS).
    if let Ok(list) = std::env::var("RGYM_PYTHON_PROVIDER_DATASETS") {
        if let Err(e) = datasets::set_provider_preferred(&datasets::name_list(&list)) {
            eprintln!("rgym: RGYM_PYTHON_PROVIDER_DATASETS: {e}");
            return ExitCode::FAILURE;
        }
    }
    let result = match cli.command {
        Command::List(args) => commands::list(&args),
        Command::Describe(args) => commands::describe(&args),
        Command::Generate(args) => commands::generate(&args),
        Command::Score(args) => commands::score(&args),
        Command::Serve(args) => rgym_server::serve(&args),
        Command::Loadtest(args) => loadtest::run(&args),
        Command::Health(args) => health::health(&args),
        Command::Completions { shell } => {
            // Into a buffer first: clap_complete panics on a failed write
            // (`rgym completions bash | head`), write_stdout reports it.
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "rgym", &mut script);
            commands::write_stdout(&script)
        }
        Command::Man { subcommand } => man_page(subcommand.as_deref()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("rgym: {e}");
            ExitCode::FAILURE
        }
    }
}

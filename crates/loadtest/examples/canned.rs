//! The canned-reply WebSocket server: `cargo run --release -p loadtest
//! --example canned -- --port 8099`. See `loadtest::canned`.

use std::net::SocketAddr;

use clap::Parser;

#[derive(Parser)]
struct Args {
    #[arg(long, default_value = "127.0.0.1")]
    host: String,
    #[arg(long, default_value_t = 8099)]
    port: u16,
    /// Runtime threads; 1 keeps it as cheap as possible.
    #[arg(long, default_value_t = 1)]
    threads: usize,
}

fn main() -> Result<(), String> {
    let args = Args::parse();
    let addr: SocketAddr = format!("{}:{}", args.host, args.port)
        .parse()
        .map_err(|e| format!("bad address: {e}"))?;
    loadtest::procfs::raise_nofile(1 << 18).map_err(|e| e.to_string())?;
    let rt = if args.threads <= 1 {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
    } else {
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(args.threads)
            .enable_all()
            .build()
    }
    .map_err(|e| e.to_string())?;
    rt.block_on(async {
        let listener = loadtest::canned::bind(addr)
            .await
            .map_err(|e| e.to_string())?;
        eprintln!("canned server on ws://{addr}/ws");
        loadtest::canned::serve(listener)
            .await
            .map_err(|e| e.to_string())
    })
}

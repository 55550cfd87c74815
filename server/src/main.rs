//! Entry point: parse flags, set up logging, start the server, print the startup facts, and serve
//! until SIGINT or SIGTERM.
//!
//! Startup failures exit non-zero with one sentence on stderr. This file must not print the
//! Endgrate key; the local key is printed once because it is this server's own development key.

use clap::Parser;
use widget_server::config::{Config, LogFormat, Mode};

fn main() {
    let config = Config::parse();
    init_logging(config.log_format);
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => fail(&format!("cannot start the async runtime: {e}")),
    };
    let key = std::env::var("ENDGRATE_API_KEY").ok();
    let result = runtime.block_on(async move {
        let server = widget_server::start(config, key).await?;
        // Handlers are installed before the `Demo:` line: a SIGTERM sent as soon as a supervisor
        // reads it must shut down gracefully, not hit the default action.
        let shutdown = shutdown_signal()?;
        match server.mode {
            Mode::Local => println!("Mode: local (seeded catalog, sessions in SQLite)"),
            Mode::Proxy => {
                println!("Mode: proxy (catalog, initiate and configuration forwarded to Endgrate)")
            }
        }
        println!("Data dir: {}", server.data_dir.display());
        if server.mode == Mode::Local {
            println!("Local API key: {}", server.local_key);
        }
        println!("Listening: {}", server.addr);
        println!("Demo: {}", server.demo_url());
        server
            .serve(shutdown)
            .await
            .map_err(|e| format!("server error: {e}"))
    });
    if let Err(message) = result {
        fail(&message);
    }
    tracing::info!("stopped");
}

fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    std::process::exit(1);
}

fn init_logging(format: LogFormat) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    match format {
        LogFormat::Json => builder
            .json()
            .flatten_event(true)
            .with_current_span(true)
            .init(),
        LogFormat::Text => builder.with_ansi(false).init(),
    }
}

/// Installs the SIGINT/SIGTERM handlers now and returns the future that resolves on either.
fn shutdown_signal() -> Result<impl std::future::Future<Output = ()>, String> {
    #[cfg(unix)]
    let (mut interrupt, mut terminate) = {
        use tokio::signal::unix::{signal, SignalKind};
        let install =
            |kind| signal(kind).map_err(|e| format!("cannot install signal handlers: {e}"));
        (
            install(SignalKind::interrupt())?,
            install(SignalKind::terminate())?,
        )
    };
    Ok(async move {
        #[cfg(unix)]
        tokio::select! {
            _ = interrupt.recv() => {}
            _ = terminate.recv() => {}
        }
        #[cfg(not(unix))]
        let _ = tokio::signal::ctrl_c().await;
        tracing::info!("shutting down: finishing in-flight requests");
    })
}

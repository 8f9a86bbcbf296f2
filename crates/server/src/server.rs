//! Starting and stopping the server: binding, the actix-web app with its
//! middleware, graceful shutdown within its bound, signals, and `rgym serve`.

use std::io;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{ServerHandle, ServiceRequest, ServiceResponse};
use actix_web::http::header;
use actix_web::middleware::{self, Next};
use actix_web::{web as aweb, App, HttpResponse, HttpServer};

use crate::app::AppState;
use crate::auth::{Auth, Passed};
use crate::logging::init_logging;
use crate::metrics;
use crate::settings::{ServeArgs, Settings};
use crate::{http, socket};

/// After `shutdown_timeout`, how long the sessions whose work was stopped
/// have to send their error and close frames before connections are dropped.
const FINAL_REPLIES: Duration = Duration::from_millis(300);
/// How long close frames handed over last get to be written.
const CLOSE_FLUSH: Duration = Duration::from_millis(100);
/// And the process exits at the latest this long after `shutdown_timeout`,
/// whatever is still running (`run` only).
const EXIT_MARGIN: Duration = Duration::from_millis(900);

/// One HTTP request being answered; counted while alive.
struct InFlight(Arc<AtomicUsize>);

impl InFlight {
    fn enter(n: &Arc<AtomicUsize>) -> InFlight {
        n.fetch_add(1, Ordering::SeqCst);
        InFlight(n.clone())
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Polls `ok` until it holds (true) or `deadline` passes (false).
async fn wait_until(ok: impl Fn() -> bool, deadline: tokio::time::Instant) -> bool {
    loop {
        if ok() {
            return true;
        }
        if tokio::time::Instant::now() >= deadline {
            return false;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

/// A server started with [`start`].
pub struct RunningServer {
    pub addr: SocketAddr,
    pub app: Arc<AppState>,
    handle: ServerHandle,
    task: actix_rt::task::JoinHandle<io::Result<()>>,
}

/// Can stop a running server from anywhere (signal handler, tests).
#[derive(Clone)]
pub struct StopHandle {
    app: Arc<AppState>,
    handle: ServerHandle,
}

impl StopHandle {
    /// Graceful shutdown: after `drain_delay` of serving with `/ready` at 503,
    /// stop accepting, let every session answer what it
    /// has received and close with a close frame (1001), let HTTP requests
    /// finish, then stop. At `shutdown_timeout` whatever is still running is
    /// stopped: its waiters get an error (sessions an error frame, then 1001;
    /// HTTP a 503), and `FINAL_REPLIES` later every remaining connection is
    /// dropped.
    ///
    /// The waiting is done here rather than by actix's graceful stop, which
    /// looks at its connections once a second and so overran the bound.
    pub async fn stop(&self) {
        let app = &self.app;
        if !app.begin_drain() {
            return;
        }
        // Not ready, but still serving: a balancer checking `/ready` takes
        // this replica out of rotation before its sessions are closed.
        let delay = app.settings.drain_delay;
        if !delay.is_zero() {
            tracing::info!(
                seconds = delay.as_secs_f64(),
                "draining: /ready answers 503, still serving"
            );
            tokio::time::sleep(delay).await;
        }
        if !app.begin_shutdown() {
            return;
        }
        tracing::info!("shutting down");
        self.handle.pause().await;
        let n = app.sessions.close_all();
        app.mcp.close_all();
        tracing::info!(sessions = n, "closing sessions");
        let idle = || app.sessions.active() == 0 && app.http_in_flight() == 0;
        let deadline = tokio::time::Instant::now() + app.settings.shutdown_timeout;
        if !wait_until(idle, deadline).await {
            let pool = app.supervisor.pool();
            tracing::warn!(
                sessions = app.sessions.active(),
                http_requests = app.http_in_flight(),
                running = pool.running(),
                queued = pool.queued(),
                "shutdown_timeout reached: stopping the work still in flight"
            );
            pool.stop_all();
            wait_until(idle, tokio::time::Instant::now() + FINAL_REPLIES).await;
        }
        // Slots are freed as close frames are handed over: give the last
        // ones a moment to reach their sockets.
        tokio::time::sleep(CLOSE_FLUSH).await;
        self.handle.stop(false).await;
    }

    /// Immediate stop (a second signal).
    pub async fn force(&self) {
        self.handle.stop(false).await;
    }
}

impl RunningServer {
    pub fn stop_handle(&self) -> StopHandle {
        StopHandle {
            app: self.app.clone(),
            handle: self.handle.clone(),
        }
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Graceful shutdown, then waits for the server to finish.
    pub async fn shutdown(self) -> io::Result<()> {
        self.stop_handle().stop().await;
        self.wait().await
    }

    /// Waits until the server stops.
    pub async fn wait(self) -> io::Result<()> {
        match self.task.await {
            Ok(r) => r,
            Err(e) => Err(io::Error::other(e.to_string())),
        }
    }
}

/// Starts the Python provider's first worker now (it takes a second or two),
/// so that a wrong interpreter stops the start instead of failing every
/// acre and codeio request.
fn start_python_provider(python: &std::path::Path, s: &Settings) -> io::Result<()> {
    use datasets::pyprovider::{install, Options, Provider};
    let mut opts = Options::new(python);
    opts.workers = s.python_workers;
    opts.memory_bytes = s.python_memory_mb.saturating_mul(1 << 20);
    opts.timeout = s.generation_timeout;
    let provider = Provider::start(opts).map_err(io::Error::other)?;
    let hello = provider.hello();
    tracing::info!(
        python = %python.display(),
        version = %hello.python,
        network = %hello.network,
        workers = s.python_workers,
        "Python provider started (acre, codeio)"
    );
    // A second start in one process (tests) keeps the first provider.
    let _ = install(provider);
    Ok(())
}

/// A bind failure that names the address and, for a port in use, the way out.
fn bind_error(host: &str, port: u16, e: io::Error) -> io::Error {
    let hint = match e.kind() {
        io::ErrorKind::AddrInUse => {
            ": another process is listening there; choose another port with --port \
             (RGYM_PORT, or port in the config file)"
        }
        io::ErrorKind::PermissionDenied => ": ports below 1024 need privileges; try --port 8000",
        _ => "",
    };
    io::Error::new(
        e.kind(),
        format!("cannot listen on {host}:{port}: {e}{hint}"),
    )
}

/// Binds and starts serving; must run inside an actix system.
pub async fn start(settings: Settings) -> io::Result<RunningServer> {
    if let Some(dir) = &settings.figlet_fonts_dir {
        // Read and checked now, so that a wrong directory stops the start
        // instead of failing every figlet_font request.
        datasets::set_figlet_fonts_dir(dir).map_err(io::Error::other)?;
    }
    if let Some(python) = &settings.python_provider {
        start_python_provider(python, &settings)?;
    }
    if !settings.python_provider_datasets.is_empty() {
        datasets::set_provider_preferred(&settings.python_provider_datasets)
            .map_err(io::Error::other)?;
    }
    let auth = match &settings.auth_tokens {
        Some(path) => Some(Auth::load(path).map_err(io::Error::other)?),
        None => None,
    };
    let mut state = AppState::new(settings);
    state.auth = auth;
    let app = Arc::new(state);
    if let Some(t) = app.settings.idle_timeout {
        app.sessions.spawn_reaper(t);
    }
    let s = &app.settings;
    let data = aweb::Data::new(app.clone());
    let payload = aweb::PayloadConfig::new(s.max_frame_bytes);
    let web_interface = s.web_interface;
    let in_flight = app.http_counter().clone();
    let mut server = HttpServer::new(move || {
        let in_flight = in_flight.clone();
        // The middleware added last runs first: requests are counted (with
        // the status of their reply, 401s included) around the token check.
        App::new()
            .app_data(data.clone())
            .app_data(payload.clone())
            .wrap(middleware::from_fn(require_token))
            .wrap_fn(move |req, srv| {
                use actix_web::dev::Service;
                let route = req.match_pattern().unwrap_or_else(|| "unmatched".into());
                let method = req.method().clone();
                let counted = InFlight::enter(&in_flight);
                let reply = srv.call(req);
                async move {
                    let r = reply.await;
                    let status = match &r {
                        Ok(res) => res.status(),
                        Err(e) => e.as_response_error().status_code(),
                    };
                    metrics::metrics().http_request(&method, &route, status);
                    drop(counted);
                    r
                }
            })
            .configure(|cfg| http::configure(cfg, web_interface))
            .default_service(aweb::to(http::reply::not_found))
    })
    .on_connect(socket::on_connect)
    .disable_signals()
    // With a disconnect timeout, actix "lingers" after a WebSocket response
    // ends, reading until the client closes TCP, while Python's `websockets`
    // waits for the server to close first: every close stalled for the whole
    // timeout, and sometimes the FIN never came. Without it the socket is shut
    // down as soon as the close frame is flushed.
    .client_disconnect_timeout(Duration::ZERO)
    // `StopHandle::stop` does the graceful part and then stops actix at once.
    .shutdown_timeout(s.shutdown_timeout.as_secs() + 2);
    if s.workers > 0 {
        server = server.workers(s.workers);
    }
    let server = server
        .bind((s.host.as_str(), s.port))
        .map_err(|e| bind_error(&s.host, s.port, e))?;
    let addr = server
        .addrs()
        .first()
        .copied()
        .ok_or_else(|| io::Error::other("bound to no address"))?;
    let server = server.run();
    let handle = server.handle();
    let task = actix_rt::spawn(server);
    metrics::metrics()
        .max_sessions
        .set(i64::try_from(app.settings.max_sessions).unwrap_or(i64::MAX));
    if app.auth.is_none() && !addr.ip().is_loopback() {
        tracing::warn!(
            %addr,
            "no auth_tokens: anyone who can reach this address can use the server"
        );
    }
    tracing::info!(
        %addr,
        max_sessions = app.settings.max_sessions,
        web_interface,
        "rgym server listening"
    );
    Ok(RunningServer {
        addr,
        app,
        handle,
        task,
    })
}

/// With `auth_tokens`: a request without a valid token gets 401 (PROTOCOL.md
/// §4.6); one that showed its token in the URL gets the cookie that lets the
/// page's own requests pass.
async fn require_token(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, actix_web::Error> {
    let app = req.app_data::<crate::app::App>().cloned();
    let Some(auth) = app.as_ref().and_then(|a| a.auth.as_ref()) else {
        return Ok(next.call(req).await?.map_into_left_body());
    };
    let path = req.path();
    // Probes and health checks carry no token.
    let public = path == "/health"
        || path == "/ready"
        || (path == "/metrics" && app.as_ref().is_some_and(|a| a.settings.metrics_public));
    if public {
        return Ok(next.call(req).await?.map_into_left_body());
    }
    let header = |name| req.headers().get(name).and_then(|v| v.to_str().ok());
    let passed = auth.check(
        path,
        req.query_string(),
        header(header::AUTHORIZATION),
        header(header::COOKIE),
    );
    match passed {
        None => {
            metrics::metrics().auth_refused.inc();
            let refused = HttpResponse::Unauthorized()
                .insert_header((header::WWW_AUTHENTICATE, "Bearer"))
                .content_type("application/json")
                .body(r#"{"detail":"a valid bearer token is required (Authorization: Bearer <token>)"}"#);
            Ok(req.into_response(refused).map_into_right_body())
        }
        Some(Passed::Query) => {
            let cookie = Auth::cookie_for(req.query_string());
            let mut res = next.call(req).await?;
            if let Some(value) = cookie.and_then(|c| header::HeaderValue::from_str(&c).ok()) {
                res.headers_mut().insert(header::SET_COOKIE, value);
            }
            Ok(res.map_into_left_body())
        }
        Some(_) => Ok(next.call(req).await?.map_into_left_body()),
    }
}

/// Re-reads `auth_tokens` on each SIGHUP; a file that fails to read leaves
/// the tokens in force.
fn reload_tokens_on_hangup(app: Arc<AppState>) {
    #[cfg(unix)]
    actix_rt::spawn(async move {
        use tokio::signal::unix::{signal, SignalKind};
        let Ok(mut hup) = signal(SignalKind::hangup()) else {
            return;
        };
        while hup.recv().await.is_some() {
            match app.auth.as_ref().map(Auth::reload) {
                Some(Ok(n)) => tracing::info!(tokens = n, "SIGHUP: reloaded auth_tokens"),
                Some(Err(e)) => tracing::error!(error = %e, "SIGHUP: kept the tokens in force"),
                None => {}
            }
        }
    });
}

/// Resolves on the first SIGINT or SIGTERM.
async fn signal() -> &'static str {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => tokio::select! {
                _ = tokio::signal::ctrl_c() => "SIGINT",
                _ = term.recv() => "SIGTERM",
            },
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
                "SIGINT"
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
        "SIGINT"
    }
}

/// Runs the server until SIGINT/SIGTERM (graceful) — a second signal stops
/// at once. Blocks the calling thread.
pub fn run(settings: Settings) -> io::Result<()> {
    raise_fd_limit(settings.max_sessions);
    actix_rt::System::new().block_on(async move {
        let server = start(settings).await?;
        reload_tokens_on_hangup(server.app.clone());
        let stop = server.stop_handle();
        actix_rt::spawn(async move {
            let sig = signal().await;
            tracing::info!(signal = sig, "received signal, stopping gracefully");
            // The promise: the process is gone drain_delay +
            // shutdown_timeout + 1 s after the signal, whatever a connection
            // or a job is doing.
            let s = &stop.app.settings;
            let bound = s.drain_delay + s.shutdown_timeout + EXIT_MARGIN;
            let _ = std::thread::Builder::new()
                .name("rgym-exit".into())
                .spawn(move || {
                    std::thread::sleep(bound);
                    tracing::warn!("shutdown overran its bound; exiting now");
                    std::process::exit(0);
                });
            let graceful = stop.clone();
            actix_rt::spawn(async move { graceful.stop().await });
            let sig = signal().await;
            tracing::warn!(signal = sig, "second signal, stopping now");
            stop.force().await;
        });
        server.wait().await
    })
}

/// Every session is a socket: with the default 4096 sessions the usual soft
/// limit of 1024 descriptors would refuse connections long before capacity.
/// Raises the soft limit toward the hard one (never lowers it) and warns when
/// the hard limit is still below what `max_sessions` needs.
fn raise_fd_limit(max_sessions: usize) {
    let want = max_sessions as u64 + 256;
    let mut lim = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit/setrlimit only read and write the struct passed in.
    unsafe {
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut lim) != 0 {
            return;
        }
        if lim.rlim_cur < want && lim.rlim_cur < lim.rlim_max {
            let raised = libc::rlimit {
                rlim_cur: want.min(lim.rlim_max),
                rlim_max: lim.rlim_max,
            };
            if libc::setrlimit(libc::RLIMIT_NOFILE, &raised) == 0 {
                lim.rlim_cur = raised.rlim_cur;
            }
        }
    }
    if lim.rlim_cur < want {
        tracing::warn!(
            limit = lim.rlim_cur,
            max_sessions,
            "open-file limit is below what max_sessions needs"
        );
    }
}

/// `rgym serve`: settings from defaults, `--config`, environment and flags.
pub fn serve(args: &ServeArgs) -> Result<(), String> {
    let settings =
        Settings::load(args.config.as_deref(), &args.overrides()).map_err(|e| e.to_string())?;
    init_logging(settings.log_format);
    run(settings).map_err(|e| format!("server error: {e}"))
}

//! The accept loop: every connection is served by hyper's HTTP/1 with limits a public server
//! needs against slow clients (the probe's finding 1: 1,100 sockets that sent half a request
//! and waited made `/healthz` unreachable):
//!
//! - **header timeout**: a request's headers must arrive within it, counted from when the server
//!   starts waiting (so it also closes idle keep-alive connections);
//! - **idle timeout**: a connection on which no byte moves either way for that long is closed (a
//!   client that stops reading its response); handlers finish well within it, because the
//!   upstream timeout must be shorter;
//! - **connection cap**: at the cap, the oldest connection with no request in flight is closed to
//!   make room, so held-open sockets cannot lock real clients out; when every connection is
//!   busy the new one is refused.
//!
//! Body timeouts are the body reader's (`body.rs`). This module moves bytes and enforces limits;
//! it must not look at requests beyond counting them.

use axum::body::Body;
use axum::Router;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use std::collections::VecDeque;
use std::io;
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{watch, Notify};
use tokio::task::JoinSet;
use tower::ServiceExt;

/// The connection limits (see the module documentation).
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Time to send a request's headers.
    pub header_timeout: Duration,
    /// Time a connection may move no byte.
    pub idle_timeout: Duration,
    /// Open connections at most.
    pub max_connections: usize,
}

/// One open connection, as the registry sees it.
struct Connection {
    id: u64,
    /// Requests whose response has not been produced yet.
    in_flight: AtomicUsize,
    /// Milliseconds since `epoch` of the last byte read or written.
    last_io: AtomicU64,
    /// Asks the connection's task to close it now.
    close: Notify,
}

/// Open connections, oldest first.
#[derive(Default)]
struct Registry {
    open: Mutex<VecDeque<Arc<Connection>>>,
}

impl Registry {
    fn lock(&self) -> std::sync::MutexGuard<'_, VecDeque<Arc<Connection>>> {
        self.open
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Makes room for one more connection; `false` when every open connection is busy.
    fn make_room(&self, max: usize) -> bool {
        let open = self.lock();
        if open.iter().filter(|c| !c.is_closing()).count() < max {
            return true;
        }
        let idle = open
            .iter()
            .find(|c| c.in_flight.load(Ordering::Acquire) == 0 && !c.is_closing());
        match idle {
            Some(oldest) => {
                oldest.close.notify_one();
                oldest.mark_closing();
                true
            }
            None => false,
        }
    }

    fn remove(&self, id: u64) {
        self.lock().retain(|c| c.id != id);
    }
}

impl Connection {
    fn is_closing(&self) -> bool {
        self.last_io.load(Ordering::Acquire) == u64::MAX
    }

    fn mark_closing(&self) {
        self.last_io.store(u64::MAX, Ordering::Release);
    }
}

/// Serves `router` on `listener` until `shutdown` resolves, then lets in-flight requests finish.
///
/// # Errors
/// None today: accept errors (such as running out of file descriptors) shed an idle connection
/// and go on.
pub async fn serve<F>(
    listener: TcpListener,
    router: Router,
    limits: Limits,
    shutdown: F,
) -> io::Result<()>
where
    F: std::future::Future<Output = ()> + Send + 'static,
{
    let registry = Arc::new(Registry::default());
    let epoch = Instant::now();
    let (stop, stopping) = watch::channel(false);
    let mut tasks = JoinSet::new();
    let mut next_id = 0u64;
    tokio::pin!(shutdown);
    loop {
        while tasks.try_join_next().is_some() {}
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            () = &mut shutdown => break,
        };
        let stream = match accepted {
            Ok((stream, _)) => stream,
            Err(error) => {
                // Out of descriptors (EMFILE) or a transient error: free one and retry shortly.
                tracing::warn!(%error, "accept failed");
                registry.make_room(0);
                tokio::time::sleep(Duration::from_millis(20)).await;
                continue;
            }
        };
        if !registry.make_room(limits.max_connections) {
            tracing::warn!("connection refused: every open connection is busy");
            drop(stream);
            continue;
        }
        let _ = stream.set_nodelay(true);
        next_id += 1;
        let connection = Arc::new(Connection {
            id: next_id,
            in_flight: AtomicUsize::new(0),
            last_io: AtomicU64::new(epoch.elapsed().as_millis() as u64),
            close: Notify::new(),
        });
        registry.lock().push_back(Arc::clone(&connection));
        let (router, registry, stopping) =
            (router.clone(), Arc::clone(&registry), stopping.clone());
        tasks.spawn(async move {
            serve_connection(stream, router, limits, &connection, epoch, stopping).await;
            registry.remove(connection.id);
        });
    }
    drop(listener);
    let _ = stop.send(true);
    while tasks.join_next().await.is_some() {}
    Ok(())
}

async fn serve_connection(
    stream: TcpStream,
    router: Router,
    limits: Limits,
    connection: &Arc<Connection>,
    epoch: Instant,
    mut stopping: watch::Receiver<bool>,
) {
    let io = TokioIo::new(Watched {
        inner: stream,
        connection: Arc::clone(connection),
        epoch,
    });
    let counted = Arc::clone(connection);
    let service =
        hyper::service::service_fn(move |request: hyper::Request<hyper::body::Incoming>| {
            let counted = Arc::clone(&counted);
            counted.in_flight.fetch_add(1, Ordering::AcqRel);
            let answer = router.clone().oneshot(request.map(Body::new));
            async move {
                let response = answer.await;
                counted.in_flight.fetch_sub(1, Ordering::AcqRel);
                response
            }
        });
    let served = http1::Builder::new()
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout)
        .keep_alive(true)
        .serve_connection(io, service);
    tokio::pin!(served);
    let mut draining = false;
    loop {
        let last = connection.last_io.load(Ordering::Acquire);
        if last == u64::MAX {
            return; // evicted to make room; it had no request in flight
        }
        let idle_until = epoch + Duration::from_millis(last) + limits.idle_timeout;
        tokio::select! {
            _ = served.as_mut() => return,
            () = connection.close.notified() => return,
            changed = stopping.changed(), if !draining => {
                let _ = changed;
                draining = true;
                served.as_mut().graceful_shutdown();
            }
            () = tokio::time::sleep_until(idle_until.into()) => {
                let last = connection.last_io.load(Ordering::Acquire);
                let quiet = epoch.elapsed().saturating_sub(Duration::from_millis(last));
                if last != u64::MAX && quiet >= limits.idle_timeout {
                    return; // no byte either way for the idle timeout: drop the connection
                }
            }
        }
    }
}

/// A socket that records when a byte last moved.
struct Watched {
    inner: TcpStream,
    connection: Arc<Connection>,
    epoch: Instant,
}

impl Watched {
    fn touched(&self, moved: usize) {
        if moved > 0 {
            let now = self.epoch.elapsed().as_millis() as u64;
            // Never overwrite the eviction mark.
            let _ =
                self.connection
                    .last_io
                    .fetch_update(Ordering::AcqRel, Ordering::Acquire, |last| {
                        (last != u64::MAX).then_some(now)
                    });
        }
    }
}

impl AsyncRead for Watched {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let before = buf.filled().len();
        let polled = Pin::new(&mut self.inner).poll_read(cx, buf);
        if let Poll::Ready(Ok(())) = polled {
            self.touched(buf.filled().len() - before);
        }
        polled
    }
}

impl AsyncWrite for Watched {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        data: &[u8],
    ) -> Poll<io::Result<usize>> {
        let polled = Pin::new(&mut self.inner).poll_write(cx, data);
        if let Poll::Ready(Ok(n)) = polled {
            self.touched(n);
        }
        polled
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

//! Finding 1: slow clients must not take the server down. Headers must arrive within the header
//! timeout, a connection that moves no byte for the idle timeout is closed, and at the connection
//! cap the oldest connection without a request in flight makes room, so `/healthz` answers while
//! sockets are held open.

mod common;
use common::*;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

/// Whether the server closed `stream` (EOF or reset) within `wait`.
fn closed_within(stream: &TcpStream, wait: Duration) -> bool {
    stream.set_read_timeout(Some(wait)).unwrap();
    let mut stream = stream;
    let mut buf = [0u8; 4096];
    loop {
        match stream.read(&mut buf) {
            Ok(0) => return true,
            Ok(_) => continue, // e.g. a 408 before the close
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ) =>
            {
                return false
            }
            Err(_) => return true,
        }
    }
}

#[test]
fn a_request_whose_headers_never_finish_is_closed_after_the_header_timeout() {
    let server = TestServer::start(&["--header-timeout-secs", "1"]);
    let mut stream = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    stream.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n").unwrap();
    let started = Instant::now();
    assert!(closed_within(&stream, Duration::from_secs(4)));
    assert!(
        started.elapsed() >= Duration::from_millis(800),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn a_client_that_stops_reading_is_dropped_after_the_idle_timeout() {
    let dir = tempfile::tempdir().unwrap();
    // Far more than loopback socket buffers hold, so the server's writes stall.
    let size = 48 * 1024 * 1024;
    std::fs::write(dir.path().join("big.bin"), vec![b'x'; size]).unwrap();
    let server = TestServer::start(&[
        "--static-dir",
        dir.path().to_str().unwrap(),
        "--upstream-timeout-secs",
        "1",
        "--idle-timeout-secs",
        "2",
    ]);
    let mut stream = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    let request = format!(
        "GET /big.bin HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nAccept-Encoding: identity\r\n\r\n",
        server.port
    );
    stream.write_all(request.as_bytes()).unwrap();
    std::thread::sleep(Duration::from_secs(4));
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    let mut received = 0usize;
    let mut buf = vec![0u8; 1 << 16];
    while let Ok(n) = stream.read(&mut buf) {
        if n == 0 {
            break;
        }
        received += n;
    }
    assert!(
        received < size,
        "the whole file arrived: the stalled connection was kept"
    );
}

#[tokio::test]
async fn at_the_connection_cap_idle_sockets_make_room_for_real_requests() {
    let server = TestServer::start(&["--max-connections", "8", "--header-timeout-secs", "30"]);
    let held: Vec<TcpStream> = (0..20)
        .map(|_| {
            let stream = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
            std::thread::sleep(Duration::from_millis(10));
            stream
        })
        .collect();
    let started = Instant::now();
    let (status, _, body) = get(&server.url("/healthz"), None).await;
    assert_eq!((status, body.as_str()), (200, "ok"));
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
    let closed = held
        .iter()
        .filter(|s| closed_within(s, Duration::from_millis(200)))
        .count();
    assert!(
        closed >= 12,
        "only {closed} of 20 held sockets were closed with a cap of 8"
    );
}

//! Static delivery like a CDN: precompressed variants chosen by `Accept-Encoding` with `Vary`,
//! immutable caching of versioned files, `ETag`/`304` elsewhere, the README's CSP on pages, and
//! an over-long path answered 404 without the path reaching the log (finding 7).

mod common;
use common::*;
use std::path::Path;

const JS: &str = "export const widget = 1;\n";

/// A static directory shaped like `dist/`: a page, and a versioned script with both variants.
fn fixture(root: &Path) {
    let versioned = root.join("widget/v0.1.0");
    std::fs::create_dir_all(&versioned).unwrap();
    std::fs::write(
        root.join("index.html"),
        "<!doctype html><title>demo</title>",
    )
    .unwrap();
    std::fs::write(root.join("demo.js"), "console.log(1);").unwrap();
    std::fs::write(versioned.join("w.js"), JS).unwrap();
    // Stand-ins for the build's compressed files: distinct bytes show which one was sent.
    std::fs::write(versioned.join("w.js.br"), "BROTLI").unwrap();
    std::fs::write(versioned.join("w.js.gz"), "GZIP").unwrap();
}

fn start() -> (TestServer, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    fixture(dir.path());
    let server = TestServer::start(&["--static-dir", dir.path().to_str().unwrap()]);
    (server, dir)
}

/// A GET with an explicit `Accept-Encoding` and no transparent decompression in the client.
async fn fetch(url: &str, accept_encoding: &str) -> (u16, reqwest::header::HeaderMap, Vec<u8>) {
    let response = client()
        .get(url)
        .header("accept-encoding", accept_encoding)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    (status, headers, response.bytes().await.unwrap().to_vec())
}

#[tokio::test]
async fn precompressed_variants_follow_accept_encoding_with_vary() {
    let (server, _dir) = start();
    let url = server.url("/widget/v0.1.0/w.js");
    for (accept, body, encoding) in [
        ("gzip, deflate, br, zstd", "BROTLI", Some("br")),
        ("gzip", "GZIP", Some("gzip")),
        ("br;q=0, gzip", "GZIP", Some("gzip")),
        ("identity", JS, None),
    ] {
        let (status, headers, bytes) = fetch(&url, accept).await;
        assert_eq!(status, 200, "{accept}");
        assert_eq!(String::from_utf8(bytes).unwrap(), body, "{accept}");
        assert_eq!(
            headers.get("content-encoding").map(|v| v.to_str().unwrap()),
            encoding,
            "{accept}"
        );
        assert_eq!(headers["vary"], "accept-encoding", "{accept}");
        assert_eq!(headers["content-type"], "text/javascript; charset=utf-8");
    }
}

#[tokio::test]
async fn versioned_files_are_immutable_and_others_revalidate_with_an_etag() {
    let (server, _dir) = start();
    let (_, headers, _) = fetch(&server.url("/widget/v0.1.0/w.js"), "br").await;
    assert_eq!(
        headers["cache-control"],
        "public, max-age=31536000, immutable"
    );
    let (status, headers, _) = fetch(&server.url("/demo.js"), "br").await;
    assert_eq!(status, 200);
    assert_eq!(headers["cache-control"], "no-cache");
    let etag = headers["etag"].to_str().unwrap().to_string();
    let again = client()
        .get(server.url("/demo.js"))
        .header("if-none-match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status().as_u16(), 304);
    assert!(again.bytes().await.unwrap().is_empty());
    // Each encoding is its own representation, so its own validator.
    let (_, br, _) = fetch(&server.url("/widget/v0.1.0/w.js"), "br").await;
    let (_, gzip, _) = fetch(&server.url("/widget/v0.1.0/w.js"), "gzip").await;
    assert_ne!(br["etag"], gzip["etag"]);
}

#[tokio::test]
async fn pages_carry_the_readmes_csp_with_frame_ancestors_none() {
    let (server, _dir) = start();
    let (status, headers, _) = fetch(&server.url("/"), "gzip").await;
    assert_eq!(status, 200);
    let csp = headers["content-security-policy"].to_str().unwrap();
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    let readme = include_str!("../../README.md");
    assert!(
        readme.contains(&format!("Content-Security-Policy: {csp}\n")),
        "the README's recipe and the served policy differ: {csp}"
    );
    assert_eq!(headers["x-frame-options"], "DENY");
}

#[tokio::test]
async fn an_over_long_path_is_a_404_and_is_not_logged() {
    let (server, _dir) = start();
    let long = "a".repeat(256);
    let (status, _, _) = fetch(&server.url(&format!("/{long}")), "gzip").await;
    assert_eq!(status, 404);
    let (status, _, _) = fetch(&server.url(&format!("/{}", "b/".repeat(700))), "gzip").await;
    assert_eq!(status, 404);
    std::thread::sleep(std::time::Duration::from_millis(200));
    let output = server.output();
    assert!(
        !output.contains(&long),
        "the path reached the log:\n{output}"
    );
    assert!(!output.contains("ERROR"), "{output}");
}

#[tokio::test]
async fn dot_files_and_traversal_are_not_served() {
    let (server, dir) = start();
    std::fs::write(dir.path().join(".build-stamp"), "x").unwrap();
    for path in [
        "/.build-stamp",
        "/%2e%2e/Cargo.toml",
        "/widget/../../etc/passwd",
    ] {
        assert_eq!(fetch(&server.url(path), "gzip").await.0, 404, "{path}");
    }
}

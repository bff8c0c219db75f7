//! `aimemo find` end to end, in a tmux pseudo-terminal (installed with apt-get when
//! missing, as `.ci/run` does): type, read the screen, press a key, read stdout and
//! the exit status.

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

/// A tmux server of its own running `aimemo find ARGS` in a `w` × `h` window, its
/// stdout and exit status written to files.
struct Session {
    socket: String,
    dir: tempfile::TempDir,
}

/// tmux, installed with apt-get (through sudo when not root) if it is missing, once
/// for all the tests: `cargo test` on a fresh machine needs nothing else.
fn ensure_tmux() {
    static TMUX: std::sync::OnceLock<()> = std::sync::OnceLock::new();
    TMUX.get_or_init(|| {
        let found = |cmd: &str| Command::new(cmd).arg("-V").output().is_ok();
        if found("tmux") {
            return;
        }
        let root = Command::new("id")
            .arg("-u")
            .output()
            .map(|o| o.stdout == b"0\n");
        let sudo = if root.unwrap_or(false) {
            vec![]
        } else {
            vec!["sudo"]
        };
        for step in [
            &["apt-get", "update", "-qq"][..],
            &["apt-get", "install", "-y", "-qq", "tmux"],
        ] {
            let mut cmd: Vec<&str> = sudo.clone();
            cmd.extend(step);
            let _ = Command::new(cmd[0]).args(&cmd[1..]).status();
        }
        assert!(found("tmux"), "tmux is needed: apt-get install tmux");
    });
}

impl Session {
    fn start(name: &str, args: &str, w: u16, h: u16) -> Session {
        ensure_tmux();
        let dir = tempfile::tempdir().unwrap();
        let bin = assert_cmd::cargo::cargo_bin("aimemo");
        let out: PathBuf = dir.path().join("out");
        let rc: PathBuf = dir.path().join("rc");
        let script = format!(
            "{} find {args} > {} 2>/dev/null; echo $? > {rc}.tmp; mv {rc}.tmp {rc}; sleep 30",
            bin.display(),
            out.display(),
            rc = rc.display()
        );
        let socket = format!("aimemo-test-{name}-{}", std::process::id());
        let status = Command::new("tmux")
            .args(["-L", &socket, "-f", "/dev/null", "new-session", "-d"])
            .args(["-x", &w.to_string(), "-y", &h.to_string()])
            .args([
                "env",
                "TERM=xterm-256color",
                "NO_COLOR=1",
                "AIMEMO_PAGER=",
                "AIMEMO_LANG=en",
            ])
            .args(["sh", "-c", &script])
            .status()
            .expect("tmux runs (install it: apt-get install tmux)");
        assert!(status.success());
        Session { socket, dir }
    }

    fn tmux(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .args(["-L", &self.socket])
            .args(args)
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p"])
    }

    /// Waits until the screen shows `text`; fails when it has not in 10 s.
    fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if s.contains(text) {
                return s;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "the screen never showed {text:?}:\n{s}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// The exit status and stdout, once it has ended.
    fn result(&self) -> (String, String) {
        let rc = self.dir.path().join("rc");
        let start = Instant::now();
        while !rc.exists() && start.elapsed() < Duration::from_secs(10) {
            std::thread::sleep(Duration::from_millis(50));
        }
        let read = |p: &str| std::fs::read_to_string(self.dir.path().join(p)).unwrap_or_default();
        (read("rc").trim().to_string(), read("out"))
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        self.tmux(&["kill-server"]);
    }
}

#[test]
fn type_dnum_see_it_first_with_its_preview_and_enter_prints_its_citation() {
    for (name, w, h) in [("wide", 100, 30), ("small", 60, 15)] {
        let s = Session::start(name, "", w, h);
        s.wait_for("Enter cite");
        s.tmux(&["send-keys", "-l", "dnum"]);
        let screen = s.wait_for("actor · dnum");
        let lines: Vec<&str> = screen.lines().collect();
        assert!(lines[0].starts_with("› dnum"), "{screen}");
        assert!(lines[2].contains("DNUM"), "DNUM first: {screen}");
        assert!(screen.contains("actor · dnum"), "its preview: {screen}");
        s.tmux(&["send-keys", "Enter"]);
        let (rc, out) = s.result();
        assert_eq!(rc, "0", "{out}");
        // Fitted to the terminal's width, as `aimemo cite` fits it.
        let words = out.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(words.contains("La direction du numérique (DNUM)"), "{out}");
        assert!(words.contains("Map of the actors"), "{out}");
    }
}

#[test]
fn esc_exits_130_with_nothing_on_stdout() {
    let s = Session::start("esc", "énergie", 80, 24);
    s.wait_for("Enter cite");
    s.tmux(&["send-keys", "Escape"]);
    let (rc, out) = s.result();
    assert_eq!((rc.as_str(), out.as_str()), ("130", ""));
}

#[test]
fn ctrl_o_prints_the_id() {
    let s = Session::start("ctrlo", "dnum", 80, 24);
    s.wait_for("actor · dnum");
    s.tmux(&["send-keys", "C-o"]);
    let (rc, out) = s.result();
    assert_eq!((rc.as_str(), out.as_str()), ("0", "dnum\n"));
}

#[test]
fn without_a_terminal_it_points_to_search() {
    let out = Command::new(assert_cmd::cargo::cargo_bin("aimemo"))
        .args(["find", "dnum"])
        .env("AIMEMO_LANG", "en")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    // Under a terminal, the test itself has one: only check where there is none.
    if out.status.code() == Some(2) {
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("aimemo search"), "{err}");
        assert!(out.stdout.is_empty());
    }
}

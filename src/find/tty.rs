//! The terminal the finder draws on: `/dev/tty` in raw mode on the alternate screen,
//! restored on every way out (a guard's drop, a panic hook that runs before the
//! release profile's abort, a SIGTERM/SIGHUP/SIGINT handler).

use std::fs::File;
use std::io::{self, Read, Write};
use std::os::fd::AsRawFd;
use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::{Once, OnceLock};

/// What leaving the finder writes: the cursor shown, the normal screen back.
const LEAVE: &[u8] = b"\x1b[0m\x1b[?25h\x1b[?1049l";
/// What entering writes: the alternate screen, cleared.
const ENTER: &[u8] = b"\x1b[?1049h\x1b[H\x1b[2J";

/// The terminal's descriptor while the finder has it (-1 otherwise), for the
/// signal handler and the panic hook.
static FD: AtomicI32 = AtomicI32::new(-1);
/// The terminal's settings before the finder, to put back.
static SAVED: OnceLock<libc::termios> = OnceLock::new();
static HOOK: Once = Once::new();

/// The terminal, in raw mode on the alternate screen until dropped.
pub struct Tty {
    file: File,
}

impl Tty {
    /// Opens `/dev/tty` and takes it over; an error when there is none.
    pub fn open() -> io::Result<Tty> {
        let file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open("/dev/tty")?;
        let fd = file.as_raw_fd();
        // SAFETY: `fd` is an open descriptor; termios is plain data.
        let saved = unsafe {
            let mut t: libc::termios = std::mem::zeroed();
            if libc::tcgetattr(fd, &mut t) != 0 {
                return Err(io::Error::last_os_error());
            }
            t
        };
        let mut raw = saved;
        // SAFETY: as above.
        unsafe {
            libc::cfmakeraw(&mut raw);
            if libc::tcsetattr(fd, libc::TCSANOW, &raw) != 0 {
                return Err(io::Error::last_os_error());
            }
        }
        let _ = SAVED.set(saved);
        FD.store(fd, Ordering::SeqCst);
        install_restorers();
        let mut tty = Tty { file };
        tty.file.write_all(ENTER)?;
        Ok(tty)
    }

    /// The terminal's size: (columns, rows).
    pub fn size(&self) -> (u16, u16) {
        terminal_size::terminal_size_of(&self.file).map_or((80, 24), |(w, h)| (w.0, h.0))
    }

    /// Waits up to `ms` milliseconds for input, and reads what came (empty: none).
    pub fn read(&mut self, ms: i32) -> io::Result<Vec<u8>> {
        let mut pfd = libc::pollfd {
            fd: self.file.as_raw_fd(),
            events: libc::POLLIN,
            revents: 0,
        };
        // SAFETY: one valid pollfd.
        let n = unsafe { libc::poll(&mut pfd, 1, ms) };
        if n <= 0 {
            return Ok(Vec::new());
        }
        let mut buf = [0u8; 256];
        let n = match self.file.read(&mut buf) {
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => 0,
            Err(e) => return Err(e),
        };
        let mut got = buf[..n].to_vec();
        // A lone ESC may be the start of a sequence still on its way.
        if got == [0x1b] {
            // SAFETY: as above.
            if unsafe { libc::poll(&mut pfd, 1, 30) } > 0 {
                let n = self.file.read(&mut buf)?;
                got.extend_from_slice(&buf[..n]);
            }
        }
        Ok(got)
    }

    /// Writes `bytes` to the terminal at once.
    pub fn write(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.file.write_all(bytes)?;
        self.file.flush()
    }
}

impl Drop for Tty {
    fn drop(&mut self) {
        restore();
    }
}

/// Puts the terminal back as it was, once (later calls do nothing). Only calls that
/// are safe in a signal handler: `write` and `tcsetattr`.
fn restore() {
    let fd = FD.swap(-1, Ordering::SeqCst);
    if fd < 0 {
        return;
    }
    // SAFETY: `fd` was the open terminal; SAVED is set before FD.
    unsafe {
        libc::write(fd, LEAVE.as_ptr().cast(), LEAVE.len());
        if let Some(t) = SAVED.get() {
            libc::tcsetattr(fd, libc::TCSANOW, t);
        }
    }
}

extern "C" fn on_signal(sig: libc::c_int) {
    restore();
    // SAFETY: _exit is async-signal-safe.
    unsafe { libc::_exit(128 + sig) };
}

/// The panic hook and the signal handlers, installed once.
fn install_restorers() {
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
        for sig in [libc::SIGTERM, libc::SIGHUP, libc::SIGINT, libc::SIGQUIT] {
            // SAFETY: the handler only restores the terminal and exits.
            unsafe {
                libc::signal(
                    sig,
                    on_signal as extern "C" fn(libc::c_int) as libc::sighandler_t,
                );
            }
        }
    });
}

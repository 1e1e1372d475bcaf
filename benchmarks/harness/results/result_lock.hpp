#pragma once
// One writer per result file. Each append copies the file, adds to the copy and renames it
// over the original; two runs doing that at once would each rename their own copy and the
// last rename would silently drop the other's kernels. So a run takes this lock before its
// first kernel and holds it to the end, and a second run on the same file refuses at once.
//
// The lock is flock() on a sidecar file, RESULT.lock: the result file itself cannot carry
// it, as every append replaces it by a new inode. flock() dies with its process (a crash or
// SIGKILL never leaves a file locked), and two opens conflict even inside one process. The
// sidecar holds "host H, pid P, since T" for the refusal message, and is removed on release
// so that nothing is left beside the result file; a lock file left by a killed run is only
// a name, taken over by the next run. Since a holder unlinks the file while holding it, a
// taker checks after flock() that the path still names the file it locked, and starts
// again if not: two runs can never both hold "the" lock on two different inodes. On NFS,
// Linux turns flock() into NFS byte-range locks, so runs started on two nodes that share
// the result directory exclude each other as well.
#include <sys/types.h>

#include <string>

namespace bramble {

class ResultLock {
 public:
  // Locks `target` (the result file, links followed). Throws IoError "SHOWN is being written
  // by another bramble run (host H, pid P, since T)", or one saying why the lock file cannot
  // be made (the directory is not writable, say).
  ResultLock(const std::string& target, const std::string& shown);
  ~ResultLock();  // removes the lock file, then lets go of the lock
  ResultLock(const ResultLock&) = delete;
  ResultLock& operator=(const ResultLock&) = delete;

  const std::string& path() const { return path_; }  // RESULT.lock

 private:
  std::string path_;
  int fd_ = -1;
  dev_t dev_ = 0;
  ino_t ino_ = 0;
};

// RESULT.lock for a result file (links followed).
std::string lock_path_for(const std::string& target);

}  // namespace bramble

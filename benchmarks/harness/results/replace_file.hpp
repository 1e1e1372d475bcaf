#pragma once
// Replacing a file whole, so that a reader, or a crash at any moment, sees the old file or
// the new one and never a mix: the bytes go to TARGET.tmp-PID beside it, are flushed to
// disk, and renamed over TARGET. Only a SIGKILL or a power cut mid-write can leave the
// temporary file behind; the next writer of TARGET removes it (remove_stale_temp_files).
#include <functional>
#include <string>
#include <vector>

namespace bramble {

// TARGET.tmp-<this process's pid>.
std::string temp_path_for(const std::string& target);

// Writes `bytes` as `target` (which keeps its permission bits if it existed). On failure
// the temporary file is gone, `target` is as it was, and IoError says "cannot write
// results to SHOWN: <the system's reason>" (`shown`: the path as the user gave it).
void replace_file(const std::string& target, const std::string& bytes, const std::string& shown);

// The same guarantee for a change to a large file, without holding it in memory: `target` is
// copied to TARGET.tmp-PID by the kernel (copy_file_range; on btrfs or XFS a reflink that
// copies no data), `edit` changes the copy in place (given its path), and the copy is flushed
// and renamed over `target`. On failure (here or an Error from `edit`) the temporary file is
// gone, `target` is as it was, and IoError says "cannot write results to SHOWN: <why>".
void edit_copy(const std::string& target, const std::string& shown,
               const std::function<void(const std::string& temp)>& edit);

// Temporary files beside `target` left by writers that died mid-write: TARGET.tmp-PID (and
// TARGET.probe-PID, the writable-directory probe of earlier versions) whose PID no longer runs on this host. Removes
// them and returns their paths, for a notice. Call it holding TARGET's lock (result_lock.hpp),
// so that no live bramble run is writing one.
std::vector<std::string> remove_stale_temp_files(const std::string& target);

}  // namespace bramble

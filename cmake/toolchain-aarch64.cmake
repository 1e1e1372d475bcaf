# Cross-compiling bramble for ARM64 (aarch64: Raspberry Pi 4/5) on an amd64 Debian 12 host,
# with Debian's g++-aarch64-linux-gnu, against an arm64 Debian bookworm root that holds the
# arm64 libraries (Open MPI, OpenBLAS, HDF5, ...). scripts/test-arm64.sh makes that root and
# runs the tests inside it under qemu; the `arm64` preset uses this file.
#
# The root: the cache variable BRAMBLE_ARM64_ROOT, else the environment variable of that name,
# else /var/cache/bramble/arm64-root. Its absolute symlinks (libmpi.so, libblas.so.3 through
# /etc/alternatives, ...) must have been made relative (scripts/test-arm64.sh does), or they
# name the host's x86-64 files.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)

if(NOT BRAMBLE_ARM64_ROOT)
  if(DEFINED ENV{BRAMBLE_ARM64_ROOT} AND NOT "$ENV{BRAMBLE_ARM64_ROOT}" STREQUAL "")
    set(BRAMBLE_ARM64_ROOT "$ENV{BRAMBLE_ARM64_ROOT}")
  else()
    set(BRAMBLE_ARM64_ROOT /var/cache/bramble/arm64-root)
  endif()
endif()
set(BRAMBLE_ARM64_ROOT "${BRAMBLE_ARM64_ROOT}" CACHE PATH "arm64 Debian root used as the sysroot")
# try_compile projects read this file again: hand them the same root.
set(ENV{BRAMBLE_ARM64_ROOT} "${BRAMBLE_ARM64_ROOT}")
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES BRAMBLE_ARM64_ROOT)
if(NOT EXISTS "${BRAMBLE_ARM64_ROOT}/usr/lib/aarch64-linux-gnu/libc.so.6")
  message(FATAL_ERROR "BRAMBLE_ARM64_ROOT=${BRAMBLE_ARM64_ROOT} is not an arm64 Debian root "
                      "(scripts/test-arm64.sh makes one)")
endif()

set(triple aarch64-linux-gnu)
set(CMAKE_C_COMPILER ${triple}-gcc)
set(CMAKE_CXX_COMPILER ${triple}-g++)
set(CMAKE_LIBRARY_ARCHITECTURE ${triple})
set(CMAKE_SYSROOT "${BRAMBLE_ARM64_ROOT}")
set(CMAKE_FIND_ROOT_PATH "${BRAMBLE_ARM64_ROOT}")
# Libraries, headers and CMake packages from the root only; programs (ninja, pkg-config) from
# the host.
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# pkg-config (host program) reads the root's .pc files and prefixes their paths with it.
set(ENV{PKG_CONFIG_SYSROOT_DIR} "${BRAMBLE_ARM64_ROOT}")
set(ENV{PKG_CONFIG_LIBDIR} "${BRAMBLE_ARM64_ROOT}/usr/lib/${triple}/pkgconfig:${BRAMBLE_ARM64_ROOT}/usr/share/pkgconfig")
unset(ENV{PKG_CONFIG_PATH})

# Open MPI: the host's mpicxx is an amd64 wrapper that adds x86-64 paths, and the root's
# cannot run here; so FindMPI skips the wrapper and is told the header and library. Tests run
# mpiexec inside the root, where it is /usr/bin/mpiexec.
set(MPI_SKIP_COMPILER_WRAPPER ON CACHE BOOL "")
set(MPI_CXX_SKIP_MPICXX ON CACHE BOOL "")
set(MPI_CXX_HEADER_DIR "${BRAMBLE_ARM64_ROOT}/usr/lib/${triple}/openmpi/include" CACHE PATH "")
set(MPI_CXX_LIB_NAMES mpi CACHE STRING "")
set(MPI_mpi_LIBRARY "${BRAMBLE_ARM64_ROOT}/usr/lib/${triple}/libmpi.so" CACHE FILEPATH "")
set(MPIEXEC_EXECUTABLE /usr/bin/mpiexec CACHE FILEPATH "mpiexec inside the arm64 root")

# HDF5: FindHDF5 would ask the host's h5cc (amd64 paths). A wrapper that fails makes it search
# the root for the library (hdf5/serial) and headers instead.
set(HDF5_C_COMPILER_EXECUTABLE /bin/false CACHE FILEPATH "no HDF5 wrapper when cross-compiling")

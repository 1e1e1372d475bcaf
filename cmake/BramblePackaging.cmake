# The build as a Debian package (scripts/package.sh runs cpack): one file that puts the same
# bramble at the same path (/usr/bin/bramble) on every node and makes apt install what it
# links against. Included last from the top-level CMakeLists.txt.
include(GNUInstallDirs)
install(TARGETS bramble RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/kernels/render/scenes/
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bramble/scenes)
install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})

# The exact line `bramble --version` prints, shipped beside the program: scripts/deploy.sh
# compares every node's answer with it without running the package's binary here (an arm64
# package is deployed from an amd64 machine). Written at install time from the headers the
# binary was compiled with (the commit is read at build time, cmake/BrambleVersion.cmake);
# tests/package checks it against the installed binary's own answer.
file(CONFIGURE OUTPUT ${PROJECT_BINARY_DIR}/CMakeFiles/bramble_version_file.cmake @ONLY CONTENT [[
file(STRINGS "@BRAMBLE_GIT_COMMIT_HEADER@" commit REGEX "kGitCommit = ")
string(REGEX REPLACE ".*kGitCommit = \"([^\"]*)\".*" "\\1" commit "${commit}")
file(STRINGS "@PROJECT_SOURCE_DIR@/benchmarks/harness/results/schema.hpp" schema REGEX "kSchemaVersion = ")
string(REGEX REPLACE ".*kSchemaVersion = ([0-9]+).*" "\\1" schema "${schema}")
if(NOT commit MATCHES "^[0-9A-Za-z._/+-]+$" OR NOT schema MATCHES "^[0-9]+$")
  message(FATAL_ERROR "bramble packaging: cannot read the commit or the schema version")
endif()
file(WRITE "@PROJECT_BINARY_DIR@/version" "bramble @PROJECT_VERSION@ (commit ${commit}), result schema ${schema}\n")
file(INSTALL "@PROJECT_BINARY_DIR@/version" DESTINATION "${CMAKE_INSTALL_PREFIX}/@CMAKE_INSTALL_DATADIR@/bramble")
]])
install(SCRIPT ${PROJECT_BINARY_DIR}/CMakeFiles/bramble_version_file.cmake)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME bramble)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "Seed 5f2d6fdf maintainers <maintainers@users.noreply.r-seed-5f2d6fdf.example>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "verified MPI benchmark suite for small clusters")
set(CPACK_PACKAGE_DESCRIPTION "HPL, STREAM, stencil and ray-tracing kernels that check their answers and
write self-describing HDF5 result files; `bramble doctor` names the slow node
or link. Install the same package on every node of a cluster.")
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)   # bramble_0.1.0_amd64.deb
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
set(CPACK_STRIP_FILES ON)                  # as Debian ships programs; the toolchain's strip

# The architecture of the code built, not of this machine: a cross build
# (cmake/toolchain-aarch64.cmake) on amd64 makes an arm64 package.
if(CMAKE_SYSTEM_PROCESSOR MATCHES "^(x86_64|AMD64|amd64)$")
  set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE amd64)
elseif(CMAKE_SYSTEM_PROCESSOR MATCHES "^(aarch64|arm64|ARM64)$")
  set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE arm64)
elseif(CMAKE_SYSTEM_PROCESSOR MATCHES "^armv[67]")
  set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE armhf)
else()
  set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE ${CMAKE_SYSTEM_PROCESSOR})
endif()

# Runtime dependencies: an explicit list rather than dpkg-shlibdeps at package time, because
# the same Debian 12 names hold on amd64 and arm64 (dpkg-shlibdeps would need the arm64 root's
# dpkg database for the cross build). The test package.depends keeps it honest: every NEEDED
# library of the packaged program must come from a package named here, and on amd64 every
# package and version floor that dpkg-shlibdeps computes must be here too (the floors below
# are its answer for this code: glibc 2.34 and g++ 11's libstdc++ keep Debian 11 out).
#   libmpi.so.40, libmpi_cxx.so.40  libopenmpi3 (+ openmpi-bin: mpirun and orted on each node)
#   libopenblas.so.0                libopenblas0: Debian's shlibs name this meta package, which
#                                   pulls one of libopenblas0-pthread|-openmp|-serial
#   libblis.so.4 (BRAMBLE_BLAS=BLIS) libblis4-serial (>= 0.9.0), as its shlibs says: the
#                                   one-thread-per-rank BLIS that build links
#   libhdf5_serial.so.103           libhdf5-103-1;  libpng16.so.16: libpng16-16
#   libcurl.so.4                    libcurl4 (smart plugs over HTTP; the OpenSSL flavour)
#   libtomlplusplus.so.3            libtomlplusplus3 (--power-config)
#   libstdc++.so.6, libgcc_s.so.1, libc.so.6, libm.so.6: libstdc++6, libgcc-s1, libc6
if(BRAMBLE_BLAS STREQUAL "BLIS")
  set(_bramble_blas_package "libblis4-serial (>= 0.9.0)")
else()
  set(_bramble_blas_package libopenblas0)
endif()
string(JOIN ", " CPACK_DEBIAN_PACKAGE_DEPENDS
       "libc6 (>= 2.34)" "libgcc-s1 (>= 3.0)" "libstdc++6 (>= 11)" "libopenmpi3 (>= 4.1.4)" "openmpi-bin"
       "${_bramble_blas_package}" "libhdf5-103-1" "libpng16-16 (>= 1.6.2-1)" "libcurl4 (>= 7.63.0)" "libtomlplusplus3 (>= 3.2.0)")

include(CPack)

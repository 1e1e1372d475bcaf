#pragma once
// The result-file schema: versioned apart from the program, because files outlive programs.
// Bump kSchemaVersion when the layout documented in results/README.md changes meaning.
namespace bramble {
inline constexpr int kSchemaVersion = 1;
inline constexpr const char* kFormatName = "bramble-results";
// The run attribute holding the list of reasons the run's figures cannot be trusted.
inline constexpr const char* kTrustWarnings = "trust_warnings";
}  // namespace bramble

#pragma once
// The result-file schema: versioned apart from the program, because files outlive programs.
// Bump kSchemaVersion when the layout documented in results/README.md changes meaning.
namespace bramble {
inline constexpr int kSchemaVersion = 1;
inline constexpr const char* kFormatName = "bramble-results";
}  // namespace bramble

#include "results/record_fields.hpp"

namespace bramble {
namespace {

// A value derived from the record: written for readers of the file, recomputed on reading.
template <class T, class Get>
Field<T> derived(std::string name, Get get) {
  return {std::move(name), [get](const T& t) { return Value{get(t)}; }, [](T&, const Value&) {}};
}

}  // namespace

const Fields<RunMetadata>& run_metadata_fields() {
  static const Fields<RunMetadata> fields{
      field("program_version", &RunMetadata::program_version),
      field("git_commit", &RunMetadata::git_commit),
      field("utc_time", &RunMetadata::utc_time),
      field("label", &RunMetadata::label),
      field("command_line", &RunMetadata::command_line),
      field("mpi_library", &RunMetadata::mpi_library),
      field("mpi_version", &RunMetadata::mpi_version),
      field("blas_config", &RunMetadata::blas_config),
      field("blas_corename", &RunMetadata::blas_corename),
      field("blas_core_auto", &RunMetadata::blas_core_auto),
      field("compiler", &RunMetadata::compiler),
      field("compiler_flags", &RunMetadata::compiler_flags),
      field("build_type", &RunMetadata::build_type),
      field("price_usd", &RunMetadata::price_usd),
      field("ranks", &RunMetadata::ranks),
      field("nodes", &RunMetadata::node_count),
  };
  return fields;
}

const Fields<KernelResult>& kernel_result_fields() {
  static const Fields<KernelResult> fields{
      field("kernel", &KernelResult::kernel),
      field("problem", &KernelResult::problem),
      field("figure_name", &KernelResult::figure_name),
      field("figure_of_merit", &KernelResult::figure_of_merit),
      field("unit", &KernelResult::unit),
      field("passed", &KernelResult::passed),
      field("ranks", &KernelResult::ranks),
      derived<KernelResult>("verdict", [](const KernelResult& r) { return r.verdict(); }),
      derived<KernelResult>("best_seconds", [](const KernelResult& r) { return r.best_seconds(); }),
  };
  return fields;
}

const Fields<RunPower>& run_power_fields() {
  static const Fields<RunPower> fields{
      field("requested", &RunPower::requested),
      field("notice", &RunPower::notice),
      field("idle_seconds", &RunPower::idle_seconds),
      derived<RunPower>("meters", [](const RunPower& p) { return std::int64_t(p.meters.size()); }),
  };
  return fields;
}

const Fields<PowerRecord>& power_record_fields() {
  static const Fields<PowerRecord> fields{
      field("throttled", &PowerRecord::throttled),
      field("green500_valid", &PowerRecord::green500_valid),
      field("green500_reason", &PowerRecord::green500_reason),
      field("notes", &PowerRecord::notes),
  };
  return fields;
}

}  // namespace bramble

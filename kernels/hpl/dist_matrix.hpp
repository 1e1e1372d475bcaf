#pragma once
// The local part of the augmented system [A | b], N rows by N+1 columns, laid out
// 2D block-cyclically over a ProcessGrid exactly as HPL does. b is global column N, so
// the forward elimination L^-1 b happens during the factorisation for free.
#include <cstdint>
#include <vector>

#include "hpl/block_cyclic.hpp"
#include "hpl/process_grid.hpp"

namespace bramble::hpl {

class DistMatrix {
 public:
  DistMatrix(const ProcessGrid& grid, std::int64_t n, int nb);

  // Bytes the local part would need on grid position (row, col), before allocating it.
  static std::int64_t local_bytes(std::int64_t n, int nb, int p, int q, int row, int col);

  const ProcessGrid& grid() const { return *grid_; }
  std::int64_t n() const { return n_; }
  int nb() const { return nb_; }
  const BlockCyclic& rows() const { return rows_; }
  const BlockCyclic& cols() const { return cols_; }
  std::int64_t local_rows() const { return rows_.local_count(); }
  std::int64_t local_cols() const { return cols_.local_count(); }
  std::int64_t ld() const { return ld_; }

  double* data() { return data_.data(); }
  const double* data() const { return data_.data(); }
  double& at(std::int64_t il, std::int64_t jl) { return data_[il + jl * ld_]; }
  double at(std::int64_t il, std::int64_t jl) const { return data_[il + jl * ld_]; }
  double* col_ptr(std::int64_t il, std::int64_t jl) { return data_.data() + il + jl * ld_; }
  const double* col_ptr(std::int64_t il, std::int64_t jl) const {
    return data_.data() + il + jl * ld_;
  }

 private:
  const ProcessGrid* grid_;
  std::int64_t n_;
  int nb_;
  BlockCyclic rows_, cols_;
  std::int64_t ld_;
  std::vector<double> data_;
};

}  // namespace bramble::hpl

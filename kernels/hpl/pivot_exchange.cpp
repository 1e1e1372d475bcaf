#include "hpl/pivot_exchange.hpp"

#include <cblas.h>

#include <cmath>
#include <cstring>

namespace bramble::hpl {
namespace {
// Message layout: [|pivot|, pivot global row, holds-diagonal flag, pivot row (jb), diag row (jb)]
constexpr int kAbs = 0, kRow = 1, kHasDiag = 2, kHeader = 3;
constexpr double kNoRow = 1e300;

void choose_pivot(void* in_v, void* inout_v, int* len, MPI_Datatype* type) {
  int bytes = 0;
  MPI_Type_size(*type, &bytes);
  const int width = bytes / static_cast<int>(sizeof(double));
  const int jb = (width - kHeader) / 2;
  auto* in = static_cast<const double*>(in_v);
  auto* io = static_cast<double*>(inout_v);
  for (int e = 0; e < *len; ++e, in += width, io += width) {
    const bool better = in[kAbs] > io[kAbs] || (in[kAbs] == io[kAbs] && in[kRow] < io[kRow]);
    if (better) {
      io[kAbs] = in[kAbs];
      io[kRow] = in[kRow];
      std::memcpy(io + kHeader, in + kHeader, sizeof(double) * jb);
    }
    if (in[kHasDiag] != 0.0) {
      io[kHasDiag] = 1.0;
      std::memcpy(io + kHeader + jb, in + kHeader + jb, sizeof(double) * jb);
    }
  }
}

void copy_row(const double* src, std::int64_t src_stride, double* dst, std::int64_t dst_stride,
              int count) {
  for (int c = 0; c < count; ++c) dst[c * dst_stride] = src[c * src_stride];
}
}  // namespace

PivotExchange::PivotExchange(MPI_Comm col_comm, int jb)
    : comm_(col_comm), jb_(jb), buf_(kHeader + 2 * static_cast<std::size_t>(jb)) {
  MPI_Comm_size(comm_, &nprocs_);
  if (nprocs_ > 1) {
    MPI_Type_contiguous(kHeader + 2 * jb, MPI_DOUBLE, &type_);
    MPI_Type_commit(&type_);
    MPI_Op_create(&choose_pivot, /*commute=*/1, &op_);
  }
}

PivotExchange::~PivotExchange() {
  if (op_ != MPI_OP_NULL) MPI_Op_free(&op_);
  if (type_ != MPI_DATATYPE_NULL) MPI_Type_free(&type_);
}

std::int64_t PivotExchange::exchange_local(Panel& p, int jj, double* top, double& pivot_value) {
  const std::int64_t d = p.j0 + jj;  // the diagonal row; here it is my panel row jj
  const std::int64_t rd = jj;
  const std::int64_t rows = p.m - rd;
  const std::int64_t rp = rd + static_cast<std::int64_t>(
                                   cblas_idamax(static_cast<int>(rows), p.a + rd + jj * p.lda, 1));
  if (rp != rd) cblas_dswap(jb_, p.row(rd), static_cast<int>(p.lda), p.row(rp), static_cast<int>(p.lda));
  copy_row(p.row(rd), p.lda, top + jj, jb_, jb_);
  pivot_value = top[jj + static_cast<std::int64_t>(jj) * jb_];
  return d + (rp - rd);
}

std::int64_t PivotExchange::exchange(Panel& p, int jj, double* top, double& pivot_value) {
  if (nprocs_ == 1) return exchange_local(p, jj, top, pivot_value);

  const std::int64_t d = p.j0 + jj;
  const std::int64_t r0 = p.first_row_at_or_after(d);
  double* b = buf_.data();
  b[kAbs] = -1.0;
  b[kRow] = kNoRow;
  b[kHasDiag] = 0.0;
  if (r0 < p.m) {
    const std::int64_t r = r0 + static_cast<std::int64_t>(cblas_idamax(
                                    static_cast<int>(p.m - r0), p.a + r0 + jj * p.lda, 1));
    b[kAbs] = std::fabs(p.a[r + jj * p.lda]);
    b[kRow] = static_cast<double>(p.rows->to_global(p.il0 + r));
    copy_row(p.row(r), p.lda, b + kHeader, 1, jb_);
  }
  if (p.i_hold_diag()) {  // my panel row jj is the diagonal row d
    b[kHasDiag] = 1.0;
    copy_row(p.row(jj), p.lda, b + kHeader + jb_, 1, jb_);
  }
  MPI_Allreduce(MPI_IN_PLACE, b, 1, type_, op_, comm_);

  const auto g = static_cast<std::int64_t>(b[kRow]);
  if (g != d && p.rows->owner(g) == p.rows->me)  // the old diagonal row moves to g
    copy_row(b + kHeader + jb_, 1, p.row(p.rows->to_local(g) - p.il0), p.lda, jb_);
  if (p.i_hold_diag()) copy_row(b + kHeader, 1, p.row(jj), p.lda, jb_);
  copy_row(b + kHeader, 1, top + jj, jb_, jb_);
  pivot_value = b[kHeader + jj];
  return g;
}

}  // namespace bramble::hpl

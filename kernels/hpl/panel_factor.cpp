#include "hpl/panel_factor.hpp"

#include <cblas.h>

#include <algorithm>

#include "hpl/pivot_exchange.hpp"

namespace bramble::hpl {
namespace {

class RecursivePanel {
 public:
  RecursivePanel(Panel& p, double* top, std::int64_t* ipiv, int leaf)
      : p_(p), top_(top), ipiv_(ipiv), leaf_(std::max(1, leaf)), pivots_(p.col_comm, p.jb) {}

  bool run() {
    factor(0, p_.jb);
    return nonsingular_;
  }

 private:
  double* top(int i, int j) { return top_ + i + static_cast<std::int64_t>(j) * p_.jb; }
  double* a(std::int64_t r, int j) { return p_.a + r + j * p_.lda; }

  // Factor panel columns [c0, c0+n).
  void factor(int c0, int n) {
    if (n <= leaf_) {
      factor_leaf(c0, n);
      return;
    }
    const int n1 = n / 2, n2 = n - n1, c1 = c0 + n1;
    factor(c0, n1);
    // U12 = L11^-1 A12, on the replicated copy of the top rows (cheap, no communication).
    cblas_dtrsm(CblasColMajor, CblasLeft, CblasLower, CblasNoTrans, CblasUnit, n1, n2, 1.0,
                top(c0, c0), p_.jb, top(c0, c1), p_.jb);
    if (p_.i_hold_diag())
      for (int j = 0; j < n2; ++j)
        std::copy_n(top(c0, c1 + j), n1, a(c0, c1 + j));
    // A22 -= L21 U12 on my rows below the rows just finished.
    const std::int64_t r = p_.first_row_at_or_after(p_.j0 + c1);
    if (r < p_.m)
      cblas_dgemm(CblasColMajor, CblasNoTrans, CblasNoTrans, static_cast<int>(p_.m - r), n2, n1,
                  -1.0, a(r, c0), static_cast<int>(p_.lda), top(c0, c1), p_.jb, 1.0, a(r, c1),
                  static_cast<int>(p_.lda));
    factor(c1, n2);
  }

  // Right-looking, one column at a time, within columns [c0, c0+w).
  void factor_leaf(int c0, int w) {
    for (int jj = c0; jj < c0 + w; ++jj) {
      double pivot = 0.0;
      ipiv_[jj] = pivots_.exchange(p_, jj, top_, pivot);
      const std::int64_t r = p_.first_row_at_or_after(p_.j0 + jj + 1);
      const int rows = static_cast<int>(p_.m - r);
      if (pivot == 0.0) {
        nonsingular_ = false;  // leave the column as it is; the residual check will fail
        continue;
      }
      if (rows <= 0) continue;
      cblas_dscal(rows, 1.0 / pivot, a(r, jj), 1);
      const int right = c0 + w - jj - 1;
      if (right > 0)
        cblas_dger(CblasColMajor, rows, right, -1.0, a(r, jj), 1, top(jj, jj + 1), p_.jb,
                   a(r, jj + 1), static_cast<int>(p_.lda));
    }
  }

  Panel& p_;
  double* top_;
  std::int64_t* ipiv_;
  int leaf_;
  PivotExchange pivots_;
  bool nonsingular_ = true;
};

}  // namespace

bool factor_panel(Panel& panel, double* top, std::int64_t* ipiv, int leaf_width) {
  return RecursivePanel(panel, top, ipiv, leaf_width).run();
}

}  // namespace bramble::hpl

#include "comparison/case_figures.hpp"

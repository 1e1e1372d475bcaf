#include "comparison/case_match.hpp"

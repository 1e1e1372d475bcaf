#include "comparison/yearly_model.hpp"
